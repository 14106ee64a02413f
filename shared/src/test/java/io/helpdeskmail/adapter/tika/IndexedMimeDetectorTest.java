package io.helpdeskmail.adapter.tika;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.mime.MimeTypesFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The sniffer's Tika step must answer exactly as {@code MimeTypes.getDefaultMimeTypes().detect} does. Inputs are
 * built from Tika's own magic table (tika-mimetypes.xml in the tika-core jar): for every magic, bytes that
 * satisfy its pattern (masks applied, ignore-case variants, with and without a tail, truncated), then random
 * bytes, text in several charsets, XML documents for every root element Tika knows, and empty input, each with
 * file names and declared types that agree, conflict or say nothing. Fixed seed: a failure repeats.
 */
class IndexedMimeDetectorTest {
  private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();
  private static final int SNIFF_BYTES = 2048;

  /** One <magic> of Tika's table: its type, its extensions and its top-level match elements. */
  private record MagicSpec(String type, List<String> globs, List<Element> matches) {}

  private record Root(String namespace, String localName, String type) {}

  /** How the side under test answers for (data, file name, declared type). */
  private interface Step {
    MediaType detect(byte[] data, String name, String type) throws Exception;
  }

  /** A magic table: Tika's registry built from it, what its XML says, and the detection under test. */
  private record Table(MimeTypes types, List<MagicSpec> magics, List<Root> roots, List<String> typeNames,
      List<String> extensions, Step ours) {}

  private static Table tika;

  @BeforeAll
  static void readTikaMagicTable() throws Exception {
    try (InputStream xml = MimeTypes.class.getResourceAsStream("/org/apache/tika/mime/tika-mimetypes.xml")) {
      tika = read(xml, TIKA, TikaContentSniffer::tikaDetect);
    }
  }

  private static Table read(InputStream xml, MimeTypes types, Step ours) throws Exception {
    Table t = new Table(types, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), ours);
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml);
    for (Element type : children(doc.getDocumentElement(), "mime-type")) {
      String name = type.getAttribute("type");
      t.typeNames().add(name);
      List<String> globs = new ArrayList<>();
      for (Element glob : children(type, "glob")) {
        String p = glob.getAttribute("pattern");
        if (p.startsWith("*.") && !"true".equals(glob.getAttribute("isregex"))) globs.add(p.substring(2));
      }
      t.extensions().addAll(globs);
      for (Element magic : children(type, "magic")) t.magics().add(new MagicSpec(name, globs, children(magic, "match")));
      for (Element root : children(type, "root-XML")) {
        t.roots().add(new Root(root.getAttribute("namespaceURI"), root.getAttribute("localName"), name));
      }
    }
    return t;
  }

  @Test
  void index_shouldBeInUse_withTheTikaWeShip() {
    // GIVEN tika-core 3.3.1 on the class path
    // WHEN the sniffer loads its registry
    // THEN it goes through the index, not the fallback (else the differential tests below compare Tika with Tika)
    assertTrue(TikaContentSniffer.indexed());
  }

  @Test
  void tikaDetect_shouldAnswerAsTika_forInputsBuiltFromEveryMagicPattern() {
    // GIVEN bytes satisfying each of Tika's magics, in several shapes
    Random random = new Random(20_240_611L);
    List<byte[]> inputs = new ArrayList<>();
    List<MagicSpec> owners = new ArrayList<>();
    for (MagicSpec magic : tika.magics()) {
      for (Element match : magic.matches()) {
        for (int variant = 0; variant < 4; variant++) {
          byte[] positive = positive(match, random, variant);
          inputs.add(positive);
          owners.add(magic);
          if (positive.length > 1) {
            inputs.add(Arrays.copyOf(positive, positive.length - 1 - random.nextInt(Math.min(positive.length - 1, 8))));
            owners.add(magic);
          }
        }
      }
    }
    // WHEN each is detected with hints that agree, conflict or say nothing
    // THEN the answers are Tika's
    Comparison c = compareAll(tika, inputs, owners::get, 3, 20_240_611L);
    assertEquals(List.of(), c.differences().stream().limit(20).toList(), c.differences().size() + " of " + c.cases());
    assertTrue(c.cases() > 20_000, "cases: " + c.cases());
  }

  @Test
  void tikaDetect_shouldAnswerAsTika_forRandomBytesTextXmlAndEmptyInput() {
    // GIVEN random bytes, text in several charsets, XML with every root element Tika knows, and no bytes at all
    Random random = new Random(20_240_612L);
    List<byte[]> inputs = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      byte[] b = new byte[random.nextInt(i % 10 == 0 ? 3000 : 80)];
      random.nextBytes(b);
      inputs.add(b);
    }
    for (String text : TEXTS) {
      for (Charset cs : CHARSETS) {
        if (!cs.newEncoder().canEncode(text)) continue;
        inputs.add(text.getBytes(cs));
        inputs.add(text.repeat(40).getBytes(cs)); // more than the 2 KB sniffed
        inputs.add(("\uFEFF" + text).getBytes(cs));
      }
    }
    for (Root root : tika.roots()) {
      String ns = root.namespace().isEmpty() ? "" : " xmlns=\"" + root.namespace() + "\"";
      inputs.add(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + root.localName() + ns + "><a/></"
          + root.localName() + ">").getBytes(UTF_8));
      inputs.add(("<" + root.localName() + ns + ">").getBytes(UTF_8)); // not well-formed
      inputs.add(("<!-- x -->\n<x:" + root.localName() + " xmlns:x=\"" + root.namespace() + "\"/>").getBytes(UTF_8));
    }
    inputs.add(new byte[0]);
    inputs.add(new byte[1]);
    inputs.add(new byte[SNIFF_BYTES + 10]);
    // WHEN each is detected with hints that agree, conflict or say nothing
    // THEN the answers are Tika's
    MagicSpec none = new MagicSpec("text/plain", List.of("txt"), List.of());
    Comparison c = compareAll(tika, inputs, i -> none, 6, 20_240_612L);
    assertEquals(List.of(), c.differences().stream().limit(20).toList(), c.differences().size() + " of " + c.cases());
    assertTrue(c.cases() > 5_000, "cases: " + c.cases());
  }

  @Test
  void detect_shouldAnswerAsTika_forMagicShapesTikasTableDoesNotUse() throws Exception {
    // GIVEN our own table (edge-magics.xml): patterns matching the zero padding after the data, case-insensitive
    // regexes, masks, nested and/or, minShouldMatch, regexes the index cannot read, a priority cut-off
    MimeTypes types;
    try (InputStream xml = getClass().getResourceAsStream("edge-magics.xml")) {
      types = MimeTypesFactory.create(xml);
    }
    IndexedMimeDetector indexed = IndexedMimeDetector.forTypes(types).orElseThrow();
    Table edge;
    try (InputStream xml = getClass().getResourceAsStream("edge-magics.xml")) {
      edge = read(xml, types, (d, n, t) -> indexed.detect(Arrays.copyOf(d, Math.min(d.length, SNIFF_BYTES)), n, t));
    }
    Random random = new Random(20_240_613L);
    List<byte[]> inputs = new ArrayList<>();
    List<MagicSpec> owners = new ArrayList<>();
    for (MagicSpec magic : edge.magics()) {
      for (Element match : magic.matches()) {
        for (int variant = 0; variant < 200; variant++) {
          byte[] positive = positive(match, random, variant % 4);
          inputs.add(positive);
          inputs.add(Arrays.copyOf(positive, random.nextInt(positive.length + 1)));
          owners.add(magic);
          owners.add(magic);
        }
      }
    }
    MagicSpec none = new MagicSpec("text/plain", List.of("txt"), List.of());
    for (int i = 0; i < 3000; i++) {
      // short inputs over a small alphabet, so that the patterns' bytes meet by chance in every arrangement
      byte[] b = new byte[random.nextInt(12)];
      byte[] alphabet = "\u0000\u007FPRIabcNz12QWyhelloHELLOxXmagicMAGIC<?".getBytes(ISO_8859_1);
      for (int k = 0; k < b.length; k++) b[k] = alphabet[random.nextInt(alphabet.length)];
      inputs.add(b);
      owners.add(none);
    }
    for (String text : List.of("abcd", "wxyz", "xyz", "PRI", "PR", "P", "<?xml version=\"1.0\"?><edge xmlns=\"urn:edge\"/>",
        "<?xml version=\"1.0\"?>\n<html><body>", "<?xml junk", "AAA!", "QQ1", "N2\u007Fxzz")) {
      inputs.add(text.getBytes(ISO_8859_1));
      owners.add(none);
    }
    // WHEN each is detected with hints
    // THEN the answers are Tika's
    Comparison c = compareAll(edge, inputs, owners::get, 3, 20_240_613L);
    assertEquals(List.of(), c.differences().stream().limit(20).toList(), c.differences().size() + " of " + c.cases());
    // AND the table did exercise what it is for: Tika matching zeros past the data's end, through the index
    assertEquals("application/x-edge-regex-padding", indexed.detect("wxyz".getBytes(ISO_8859_1), null, null).toString());
    assertEquals("application/x-edge-zeros", indexed.detect("xyz".getBytes(ISO_8859_1), null, null).toString());
    assertEquals("application/x-edge-rooted+xml", indexed.detect(
        "<?xml version=\"1.0\"?><edge xmlns=\"urn:edge\"/>".getBytes(ISO_8859_1), null, null).toString());
  }

  @Test
  void detect_shouldFailAsTikaDoes_whenAMagicCannotBeParsed() throws Exception {
    // GIVEN a table whose second magic has an offset Tika cannot parse (it fails on each eval that reaches it)
    String xml = """
        <mime-info>
          <mime-type type="application/x-good"><magic priority="60"><match value="OK" offset="0"/></magic></mime-type>
          <mime-type type="application/x-bad"><magic priority="50"><match value="NO" offset="x"/></magic></mime-type>
        </mime-info>""";
    MimeTypes types = MimeTypesFactory.create(new ByteArrayInputStream(xml.getBytes(UTF_8)));
    IndexedMimeDetector indexed = IndexedMimeDetector.forTypes(types).orElseThrow();
    for (String input : List.of("OK", "NO", "hello", "")) {
      byte[] data = input.getBytes(UTF_8);
      // WHEN detected
      // THEN the index keeps the broken magic and fails exactly where Tika fails
      assertEquals(tika(types, data, null, null), ours((d, n, t) -> indexed.detect(d, n, t), data, null, null), input);
    }
    assertEquals("throws java.lang.NumberFormatException", tika(types, "hello".getBytes(UTF_8), null, null));
  }

  private static final List<String> TEXTS = List.of(
      "Hello, please find the invoice attached.\r\nRegards, Anna\r\n",
      "Grüße aus Köln, ça va? Ñandú, smørrebrød, Œuvre — “quoted” €5",
      "Привет, заказ пришёл повреждённым.",
      "日本語のテキストです。よろしくお願いします。",
      "<html><head><title>Invoice</title></head><body><p>Hi</p></body></html>",
      "<!DOCTYPE html>\n<h1 class=x>Title</h1>",
      "<?xml version=\"1.0\"?><root><b></a></root>",
      "From: someone@example.com\nDate: Mon, 1 Jan 2024 10:00:00 +0000\nSubject: hi\n\nbody",
      "X-Mailer: test\nMessage-ID: <a@b>\nFrom: a@b\n\n",
      "%!PS-Adobe-3.0\n%%Title: x\n",
      "{\\rtf1\\ansi hello}",
      "-----BEGIN PGP MESSAGE-----\nVersion: GnuPG\n\nhQEMA\n-----END PGP MESSAGE-----\n",
      "#!/bin/sh\necho hi\n",
      "function y = f(x)\n y = x;\nend\n",
      "digraph G { a -> b }",
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nEND:VCARD\r\n",
      "id,name\n1,Anna\n2,Bob\n",
      "{\"a\": [1, 2, 3]}");

  private static final List<Charset> CHARSETS = List.of(UTF_8, ISO_8859_1, Charset.forName("windows-1252"),
      Charset.forName("UTF-16LE"), Charset.forName("UTF-16BE"), Charset.forName("Shift_JIS"),
      Charset.forName("KOI8-R"));

  private record Comparison(int cases, List<String> differences) {}

  /**
   * Every input against Tika, on both cores: Tika's detect takes 300-600 µs a call, and it is the oracle. Each
   * input draws its hints from its own seeded Random, so a run repeats whatever the thread schedule.
   */
  private static Comparison compareAll(Table table, List<byte[]> inputs, IntFunction<MagicSpec> owner, int pairs,
      long seed) {
    List<String> differences = Collections.synchronizedList(new ArrayList<>());
    int cases = IntStream.range(0, inputs.size()).parallel().map(i -> compareWithHints(table, inputs.get(i), owner.apply(i),
        new Random(seed * 1_000_003L + i), inputs.get(i).length == 0 ? 10 * pairs : pairs, differences)).sum();
    System.out.printf("%s: %d inputs, %d cases%n", IndexedMimeDetectorTest.class.getSimpleName(), inputs.size(), cases);
    return new Comparison(cases, differences);
  }

  /** Compares Tika and the sniffer's Tika step on one input with several (file name, declared type) pairs. */
  private static int compareWithHints(Table table, byte[] data, MagicSpec owner, Random random, int pairs,
      List<String> diff) {
    String own = owner.globs().isEmpty() ? "bin" : owner.globs().get(random.nextInt(owner.globs().size()));
    String other = table.extensions().get(random.nextInt(table.extensions().size()));
    String[] names = {null, "file." + own, "file." + other, "REPORT." + own.toUpperCase(Locale.ROOT),
        "http://example.com/dl/file." + own, "https://example.com/x.php?f=a." + own, "https://example.com/dir/",
        "file:///tmp/a%20b." + own, "a b [1]." + other, "cid:part1@example.com", "noextension", "." + own};
    String wrong = table.typeNames().get(random.nextInt(table.typeNames().size()));
    MediaType parent = table.types().getMediaTypeRegistry().getSupertype(MediaType.parse(owner.type()));
    String[] declared = {null, "application/octet-stream", owner.type(), wrong,
        parent == null ? "application/octet-stream" : parent.toString(), "text/plain", "image/jpeg",
        "application/x-helpdesk-unknown", "not a type", "text/plain; charset=UTF-8", "IMAGE/PNG"};
    int n = 0;
    for (int k = 0; k < pairs; k++) {
      String name = k == 0 ? null : names[random.nextInt(names.length)];
      String type = k == 1 ? null : declared[random.nextInt(declared.length)];
      String tika = tika(table.types(), data, name, type);
      String ours = ours(table.ours(), data, name, type);
      if (!tika.equals(ours)) {
        diff.add("tika " + tika + " ours " + ours + " for " + name + " / " + type + " / " + hex(data));
      }
      n++;
    }
    return n;
  }

  /** What the sniffer asked before the index: Tika's detect on the first 2 KB. */
  private static String tika(MimeTypes types, byte[] data, String name, String type) {
    Metadata md = new Metadata();
    if (name != null) md.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    if (type != null) md.set(Metadata.CONTENT_TYPE, type);
    try {
      return String.valueOf(types.detect(new ByteArrayInputStream(data, 0, Math.min(data.length, SNIFF_BYTES)), md));
    } catch (Exception e) {
      return "throws " + e.getClass().getName();
    }
  }

  private static String ours(Step step, byte[] data, String name, String type) {
    try {
      return String.valueOf(step.detect(data, name, type));
    } catch (Exception e) {
      return "throws " + e.getClass().getName();
    }
  }

  // ---------------------------------------------------------------- positives from a <match> element

  /**
   * Bytes that satisfy the match: its pattern at its offset (start, end or inside the range), bits outside the
   * mask random, letters in random case when the match ignores case, then one of its sub-matches (all of them
   * for minShouldMatch). Variants: filler random or zero, with a random tail or without.
   */
  private static byte[] positive(Element match, Random random, int variant) {
    List<int[]> writes = new ArrayList<>(); // {offset, byte...}
    satisfy(match, random, writes);
    int length = 0;
    for (int[] w : writes) length = Math.max(length, w[0] + w.length - 1);
    int tail = variant % 2 == 1 ? 1 + random.nextInt(300) : 0;
    byte[] out = new byte[length + tail];
    if (variant >= 2) random.nextBytes(out);
    else if (tail > 0) for (int i = length; i < out.length; i++) out[i] = (byte) random.nextInt(256);
    for (int[] w : writes) for (int i = 1; i < w.length; i++) out[w[0] + i - 1] = (byte) w[i];
    return out;
  }

  private static void satisfy(Element match, Random random, List<int[]> writes) {
    List<Element> subs = children(match, "match");
    if (match.hasAttribute("minShouldMatch")) {
      for (Element sub : subs) if (random.nextInt(4) != 0 || subs.size() == 1) satisfy(sub, random, writes);
      return;
    }
    String kind = match.hasAttribute("type") ? match.getAttribute("type") : "string";
    String offset = match.getAttribute("offset");
    int start = 0;
    int end = 0;
    if (!offset.isEmpty()) {
      int colon = offset.indexOf(':');
      start = Integer.parseInt(colon < 0 ? offset : offset.substring(0, colon));
      end = colon < 0 ? start : Integer.parseInt(offset.substring(colon + 1));
    }
    int at = switch (random.nextInt(3)) {
      case 0 -> start;
      case 1 -> end;
      default -> start + random.nextInt(end - start + 1);
    };
    at = Math.min(at, 4096); // ranges reach 8 KB; only the first 2 KB are sniffed, and that is worth testing too
    byte[] value;
    if (kind.equals("regex")) {
      value = RegexSample.of(new String(decode(match.getAttribute("value"), kind), UTF_8), random);
    } else {
      value = decode(match.getAttribute("value"), kind);
      byte[] mask = match.hasAttribute("mask") ? decode(match.getAttribute("mask"), kind) : null;
      int n = Math.max(value.length, mask == null ? 0 : mask.length);
      byte[] masked = new byte[n];
      for (int i = 0; i < n; i++) {
        int m = mask != null && i < mask.length ? mask[i] & 0xFF : 0xFF;
        int v = i < value.length ? value[i] & 0xFF : 0;
        masked[i] = (byte) ((v & m) | (random.nextInt(256) & ~m));
        if (kind.equals("stringignorecase") && Character.isLetter(masked[i]) && random.nextBoolean()) {
          masked[i] = (byte) (masked[i] ^ 0x20);
        }
      }
      value = masked;
    }
    int[] w = new int[value.length + 1];
    w[0] = at;
    for (int i = 0; i < value.length; i++) w[i + 1] = value[i] & 0xFF;
    writes.add(w);
    if (!subs.isEmpty()) satisfy(subs.get(random.nextInt(subs.size())), random, writes);
  }

  /** The bytes a match value stands for, decoded as tika-mimetypes.xml documents it. */
  private static byte[] decode(String value, String kind) {
    boolean hex = value.startsWith("0x");
    String digits = hex ? value.substring(2) : value;
    int radix = hex ? 16 : 8;
    return switch (kind) {
      case "string", "regex", "stringignorecase", "unicodeLE", "unicodeBE" -> {
        if (hex) {
          byte[] b = new byte[digits.length() / 2];
          for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
          yield b;
        }
        String chars = unescape(kind.equals("stringignorecase") ? value.toLowerCase(Locale.ROOT) : value);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (char c : chars.toCharArray()) {
          if (kind.equals("unicodeLE")) {
            out.write(c & 0xFF);
            out.write(c >> 8);
          } else if (kind.equals("unicodeBE")) {
            out.write(c >> 8);
            out.write(c & 0xFF);
          } else {
            out.write(c);
          }
        }
        yield out.toByteArray();
      }
      case "byte" -> digits.getBytes(UTF_8);
      case "host16", "little16" -> {
        int v = Integer.parseInt(digits, radix);
        yield new byte[] {(byte) v, (byte) (v >> 8)};
      }
      case "big16" -> {
        int v = Integer.parseInt(digits, radix);
        yield new byte[] {(byte) (v >> 8), (byte) v};
      }
      case "host32", "little32" -> {
        long v = Long.parseLong(digits, radix);
        yield new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
      }
      case "big32" -> {
        long v = Long.parseLong(digits, radix);
        yield new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
      }
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /** The escapes of match values: \\, \xHH, \r, \n and octal \NNN. */
  private static String unescape(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char next = value.charAt(i + 1);
      if (next == '\\') {
        out.append('\\');
        i++;
      } else if (next == 'x') {
        out.append((char) Integer.parseInt(value.substring(i + 2, i + 4), 16));
        i += 3;
      } else if (next == 'r' || next == 'n') {
        out.append(next == 'r' ? '\r' : '\n');
        i++;
      } else {
        int j = i + 1;
        while (j < i + 4 && j < value.length() && Character.isDigit(value.charAt(j))) j++;
        out.append((char) (Short.decode("0" + value.substring(i + 1, j)) & 0xFF));
        i = j - 1;
      }
    }
    return out.toString();
  }

  private static List<Element> children(Node parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) out.add(e);
    }
    return out;
  }

  private static String hex(byte[] data) {
    StringBuilder s = new StringBuilder(data.length + "B:");
    for (int i = 0; i < Math.min(data.length, 48); i++) s.append(String.format("%02x", data[i]));
    return s.toString();
  }

  @Test
  void regexSample_shouldMatchItsRegex_forMostOfTikasRegexMagics() {
    // GIVEN every regex in Tika's magic table
    Random random = new Random(5);
    int regexes = 0;
    int matched = 0;
    for (MagicSpec magic : tika.magics()) {
      List<Element> todo = new ArrayList<>(magic.matches());
      while (!todo.isEmpty()) {
        Element m = todo.removeLast();
        todo.addAll(children(m, "match"));
        if (!"regex".equals(m.getAttribute("type"))) continue;
        String re = new String(decode(m.getAttribute("value"), "regex"), UTF_8);
        // WHEN a sample is generated
        byte[] sample = RegexSample.of(re, random);
        regexes++;
        if (Pattern.compile(re).matcher(new String(sample, ISO_8859_1)).lookingAt()) matched++;
      }
    }
    // THEN it mostly matches: the positives for regex magics are real positives
    assertTrue(matched * 10 >= regexes * 8, matched + " of " + regexes);
  }
}
