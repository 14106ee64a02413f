package io.helpdeskmail.adapter.tika;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.MagicDetector;
import org.apache.tika.detect.TextDetector;
import org.apache.tika.detect.XmlRootExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * Tika's {@link MimeTypes#detect} answer, found by evaluating only the magics the first bytes leave possible.
 * Tika walks all ~850 magics of its table for every stream, and each one allocates a stream, a Metadata and a
 * buffer before comparing: 300-600 µs even for 64 bytes. Here an index says which magics could match (most
 * test a byte string at a fixed offset, so a byte at one offset rules them out); those few are evaluated with
 * Tika's own {@code Magic.eval}, in Tika's order and with its priority cut-off, and the rest of
 * {@code MimeTypes.getMimeType(byte[])} and {@code detect} is repeated step by step (Tika 3.3.1), so the answer
 * is Tika's. Only the index is ours, and it is conservative: a magic is skipped only when its pattern cannot
 * match the bytes; anything it cannot summarise is always evaluated. The index is for the magics of the
 * MimeTypes it was built from (Tika adds none after loading). Building it costs some 30-100 ms once, in a cold
 * JVM, on the first attachment; each call then takes 4-16 µs instead of 250-500 µs.
 *
 * <p>Tika's magic list, its clauses and {@code MagicDetector}'s pattern are package-private or private, read
 * once by reflection in {@link #forTypes}. A class of ours in {@code org.apache.tika.mime} would reach only the
 * package-private half (the clause fields and the detector's pattern are private anyway), and only as long as
 * the package is not sealed, not in a named module and loaded by the same class loader; reflection on the class
 * path fails, if ever, in one place at construction, where the caller falls back to plain {@code detect}.
 */
final class IndexedMimeDetector implements Detector {
  private final MimeTypes types;
  /** Tika's Magic objects in Tika's evaluation order (sorted by priority, then size, then type). */
  private final Object[] magics;
  private final MimeType[] magicTypes;
  private final int[] priorities;
  /** Magics whose pattern the index does not summarise: candidates for every input. */
  private final long[] always;
  /** Offsets that some magic tests at a fixed position, ascending, and per offset the magics each byte allows. */
  private final int[] keyOffsets;
  private final long[][][] allowedByByte;
  private final Window[] windows;
  /** Per magic, further conditions (each a disjunction) that must all hold; null when the index says it all. */
  private final Atom[][][] alsoRequired;
  private final Object[] htmlMagics;
  private final MimeType[] xmlRootTypes;
  private final MimeType rootType;
  private final MimeType textType;
  private final MimeType htmlType;

  private static final Reflected TIKA;

  static {
    Reflected r;
    try {
      r = new Reflected();
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      r = null;
    }
    TIKA = r;
  }

  /** The index over these types, or empty when this Tika's internals are not the ones read here. */
  static Optional<IndexedMimeDetector> forTypes(MimeTypes types) {
    if (TIKA == null) return Optional.empty();
    try {
      return Optional.of(new IndexedMimeDetector(types));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }

  private IndexedMimeDetector(MimeTypes types) throws ReflectiveOperationException {
    this.types = types;
    List<?> list = (List<?>) TIKA.magics.get(types);
    magics = list.toArray();
    int n = magics.length;
    magicTypes = new MimeType[n];
    priorities = new int[n];
    always = new long[words(n)];
    alsoRequired = new Atom[n][][];
    Map<Integer, long[][]> byOffset = new TreeMap<>();
    List<Window> windowList = new ArrayList<>();
    rootType = (MimeType) TIKA.rootMimeType.get(types);
    textType = (MimeType) TIKA.textMimeType.get(types);
    htmlType = (MimeType) TIKA.htmlMimeType.get(types);
    List<Object> html = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      magicTypes[i] = (MimeType) TIKA.magicType.get(magics[i]);
      priorities[i] = TIKA.magicPriority.getInt(magics[i]);
      if (magicTypes[i].equals(htmlType)) html.add(magics[i]);
      // Conditions that all hold when the magic matches: the most selective feeds the index, the others are
      // checked before Tika evaluates a candidate (an OLE file is a candidate for every Office type, but the
      // "WordDocument" stream name rules out all but one).
      List<List<Atom>> conditions = new ArrayList<>(conjuncts(TIKA.magicClause.get(magics[i])));
      if (conditions.isEmpty()) {
        set(always, i);
        continue;
      }
      List<Atom> guard = conditions.remove(cheapest(conditions));
      if (!conditions.isEmpty()) {
        alsoRequired[i] = new Atom[conditions.size()][];
        for (int k = 0; k < conditions.size(); k++) alsoRequired[i][k] = conditions.get(k).toArray(new Atom[0]);
      }
      for (Atom a : guard) {
        // (instanceof, not a pattern switch: this runs once in a cold JVM, where each switch bootstrap costs.)
        if (a instanceof At at) {
          long[][] byByte = byOffset.get(at.offset());
          if (byByte == null) byOffset.put(at.offset(), byByte = new long[256][]);
          for (int b = at.bytes().nextSetBit(0); b >= 0; b = at.bytes().nextSetBit(b + 1)) {
            if (byByte[b] == null) byByte[b] = new long[words(n)];
            set(byByte[b], i);
          }
        } else {
          windowList.add(((Window) a).withMagic(i));
        }
      }
    }
    keyOffsets = new int[byOffset.size()];
    int k = 0;
    for (int offset : byOffset.keySet()) keyOffsets[k++] = offset;
    allowedByByte = byOffset.values().toArray(new long[0][][]);
    windows = windowList.toArray(new Window[0]);
    htmlMagics = html.toArray();
    xmlRootTypes = ((List<?>) TIKA.xmls.get(types)).toArray(new MimeType[0]);
  }

  /** How many magics can never be ruled out by the index: a figure for tests and benchmarks. */
  int alwaysEvaluated() {
    int count = 0;
    for (long w : always) count += Long.bitCount(w);
    return count;
  }

  int magicCount() {
    return magics.length;
  }

  // ---------------------------------------------------------------- the index: which magics could match

  /** A necessary condition of a magic: "the byte at offset is one of bytes" (the offset lies within the data). */
  private sealed interface Atom permits At, Window {}

  private record At(int offset, BitSet bytes) implements Atom {}

  /**
   * "At some start from..to, the bytes at start + j are in sets[j]" for a few positions j, where offsets past the
   * data read as 0: Tika compares range and regex patterns against a zero-filled buffer, so a pattern may match
   * zeros after the data's end. Starts are found through the occurrences of the key position's bytes.
   */
  private record Window(int magic, int from, int to, int key, long[][] sets, int[] verify) implements Atom {
    Window(int from, int to, List<BitSet> positions) {
      this(-1, from, to, best(positions), words(positions), verifyOrder(positions));
    }

    Window withMagic(int m) {
      return new Window(m, from, to, key, sets, verify);
    }

    BitSet keyBytes() {
      return BitSet.valueOf(sets[key]);
    }

    private static int best(List<BitSet> positions) {
      int best = 0;
      for (int j = 1; j < positions.size(); j++) {
        if (byteCost(positions.get(j)) < byteCost(positions.get(best))) best = j;
      }
      return best;
    }

    private static long[][] words(List<BitSet> positions) {
      long[][] w = new long[positions.size()][];
      for (int j = 0; j < w.length; j++) w[j] = Arrays.copyOf(positions.get(j).toLongArray(), 4);
      return w;
    }

    /** The other positions, most selective first, at most eight: enough to rule out chance hits of the key. */
    private static int[] verifyOrder(List<BitSet> positions) {
      int key = best(positions);
      int[] order = new int[positions.size() - 1];
      for (int j = 0, o = 0; j < positions.size(); j++) if (j != key) order[o++] = j;
      for (int a = 1; a < order.length; a++) { // insertion sort, stable: most selective first
        for (int b = a; b > 0 && byteCost(positions.get(order[b])) < byteCost(positions.get(order[b - 1])); b--) {
          int t = order[b];
          order[b] = order[b - 1];
          order[b - 1] = t;
        }
      }
      return Arrays.copyOf(order, Math.min(order.length, 8));
    }

    private static boolean allows(long[] set, int b) {
      return (set[b >>> 6] & (1L << b)) != 0;
    }

    /** first[b]: first offset of byte b in data, or -1; next[p]: next offset holding data[p]'s byte, or -1. */
    boolean possible(byte[] data, int[] first, int[] next) {
      int len = data.length;
      long[] keySet = sets[key];
      if (allows(keySet, 0) && to + key >= len) return true; // the key may fall in the zero padding
      for (int w = 0; w < 4; w++) {
        for (long bits = keySet[w]; bits != 0; bits &= bits - 1) {
          int b = (w << 6) + Long.numberOfTrailingZeros(bits);
          for (int p = first[b]; p >= 0 && p <= to + key; p = next[p]) {
            if (p >= from + key && startsHere(data, p - key)) return true;
          }
        }
      }
      return false;
    }

    private boolean startsHere(byte[] data, int start) {
      for (int j : verify) {
        int q = start + j;
        if (!allows(sets[j], q < data.length ? data[q] & 0xFF : 0)) return false;
      }
      return true;
    }
  }

  /**
   * A disjunction of atoms that holds whenever the clause matches; null when there is none we can state (the
   * magic is then always evaluated), empty when the clause can never match.
   */
  private static List<Atom> guard(Object clause) throws ReflectiveOperationException {
    Class<?> c = clause.getClass();
    if (c == TIKA.magicMatch) return matchGuard(clause);
    if (c == TIKA.andClause) {
      // Every part must match, so any one part's condition is the clause's: take the most selective.
      List<List<Atom>> all = conjuncts(clause);
      return all.isEmpty() ? null : all.get(cheapest(all));
    }
    if (c == TIKA.orClause || c == TIKA.minShouldMatchClause) {
      // At least one part must match (MinShouldMatchClause requires min >= 1).
      List<?> parts = (List<?>) (c == TIKA.orClause ? TIKA.orClauses : TIKA.minShouldMatchClauses).get(clause);
      List<Atom> any = new ArrayList<>();
      for (Object part : parts) {
        List<Atom> g = guard(part);
        if (g == null) return null;
        any.addAll(g);
      }
      return any;
    }
    return null; // a clause kind this Tika added: evaluate it always
  }

  /** Disjunctions that all hold when the clause matches: one per part of an "and", flattened; none if unknown. */
  private static List<List<Atom>> conjuncts(Object clause) throws ReflectiveOperationException {
    if (clause.getClass() == TIKA.andClause) {
      List<List<Atom>> all = new ArrayList<>();
      for (Object part : (Object[]) TIKA.andClauses.get(clause)) all.addAll(conjuncts(part));
      return all;
    }
    List<Atom> g = guard(clause);
    return g == null ? List.of() : List.of(g);
  }

  private static List<Atom> matchGuard(Object match) throws ReflectiveOperationException {
    MagicDetector d;
    try {
      d = (MagicDetector) TIKA.getDetector.invoke(match);
    } catch (java.lang.reflect.InvocationTargetException e) {
      return null; // Tika fails on this pattern at every eval: keep evaluating it, so we fail the same way
    }
    byte[] pattern = (byte[]) TIKA.pattern.get(d);
    byte[] mask = (byte[]) TIKA.mask.get(d);
    boolean regex = TIKA.isRegex.getBoolean(d);
    boolean ignoreCase = TIKA.isStringIgnoreCase.getBoolean(d);
    int from = TIKA.offsetRangeBegin.getInt(d);
    int to = TIKA.offsetRangeEnd.getInt(d);
    if (regex) {
      // The same pattern string and flags MagicDetector.detect compiles for each eval.
      String re = new String(pattern, UTF_8);
      try {
        Pattern.compile(re, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
      } catch (RuntimeException e) {
        return null;
      }
      List<BitSet> prefix = RegexStart.prefix(re, ignoreCase);
      return prefix == null ? null : List.of(new Window(from, to, prefix));
    }
    if (pattern.length == 0) return null;
    List<BitSet> positions = new ArrayList<>();
    for (int j = 0; j < pattern.length; j++) {
      BitSet s = new BitSet(256);
      if (mask[j] == -1 && !ignoreCase) {
        s.set(pattern[j] & 0xFF); // unmasked, case-sensitive: the one byte (the loop below would find it, slowly)
      } else {
        for (int b = 0; b < 256; b++) {
          // MagicDetector.detect's comparison, byte for byte (sign extension and all).
          int masked = ((byte) b & mask[j]);
          if (ignoreCase) masked = Character.toLowerCase(masked);
          if (masked == pattern[j]) s.set(b);
        }
      }
      if (s.isEmpty()) return List.of(); // no byte satisfies this position: the match never succeeds
      positions.add(s);
    }
    if (from != to) return List.of(new Window(from, to, positions));
    int best = Window.best(positions);
    return List.of(new At(from + best, positions.get(best)));
  }

  /** Roughly the share of inputs a byte set lets through; zeros fill binary formats, so they weigh more. */
  private static double byteCost(BitSet s) {
    return (s.cardinality() + (s.get(0) ? 32 : 0) + (s.get(0xFF) ? 8 : 0)) / 256.0;
  }

  private static double cost(List<Atom> atoms) {
    double sum = 0;
    for (Atom a : atoms) {
      sum += a instanceof At at ? byteCost(at.bytes())
          : 0.01 + Math.min(1, byteCost(((Window) a).keyBytes()) * (((Window) a).to() - ((Window) a).from() + 1));
    }
    return sum;
  }

  /** The index of the most selective condition (the first of equals). */
  private static int cheapest(List<List<Atom>> conditions) {
    int best = 0;
    for (int k = 1; k < conditions.size(); k++) if (cost(conditions.get(k)) < cost(conditions.get(best))) best = k;
    return best;
  }

  private static int words(int n) {
    return (n + 63) >>> 6;
  }

  private static void set(long[] bits, int i) {
    bits[i >>> 6] |= 1L << i;
  }

  /** The candidates for one input, with its byte occurrences (for window conditions). */
  private record Scan(byte[] data, long[] candidates, int[] first, int[] next) {
    boolean holds(Atom[] anyOf) {
      for (Atom a : anyOf) {
        if (a instanceof At at ? at.offset() < data.length && at.bytes().get(data[at.offset()] & 0xFF)
            : ((Window) a).possible(data, first, next)) return true;
      }
      return false;
    }
  }

  private Scan scan(byte[] data) {
    long[] cand = always.clone();
    int len = data.length;
    for (int k = 0; k < keyOffsets.length && keyOffsets[k] < len; k++) {
      long[] allowed = allowedByByte[k][data[keyOffsets[k]] & 0xFF];
      if (allowed == null) continue;
      for (int w = 0; w < cand.length; w++) cand[w] |= allowed[w];
    }
    int[] first = new int[256];
    int[] next = new int[len];
    Arrays.fill(first, -1);
    for (int p = len - 1; p >= 0; p--) {
      int b = data[p] & 0xFF;
      next[p] = first[b];
      first[b] = p;
    }
    for (Window w : windows) {
      if ((cand[w.magic() >>> 6] & (1L << w.magic())) == 0 && w.possible(data, first, next)) set(cand, w.magic());
    }
    return new Scan(data, cand, first, next);
  }

  /** Whether the index leaves magic i possible for this input: its further conditions hold too. */
  private boolean possible(Scan scan, int i) {
    Atom[][] required = alsoRequired[i];
    if (required == null) return true;
    for (Atom[] anyOf : required) if (!scan.holds(anyOf)) return false;
    return true;
  }

  // ---------------------------------------------------------------- MimeTypes.getMimeType(byte[]) and detect

  /** {@code MimeTypes.getMimeType(byte[])} with the magic loop restricted to the index's candidates. */
  List<MimeType> mimeTypes(byte[] data) {
    if (data == null) throw new IllegalArgumentException("Data is missing");
    if (data.length == 0) return Collections.singletonList(rootType); // TIKA-483
    List<MimeType> result = new ArrayList<>(1);
    int currentPriority = -1;
    Scan scan = scan(data);
    long[] cand = scan.candidates();
    scan:
    for (int w = 0; w < cand.length; w++) {
      for (long bits = cand[w]; bits != 0; bits &= bits - 1) {
        int i = (w << 6) + Long.numberOfTrailingZeros(bits);
        // Skipped magics cannot match, so they would not have moved currentPriority: Tika's cut-off, as is.
        if (currentPriority > 0 && currentPriority > priorities[i]) break scan;
        if (possible(scan, i) && eval(magics[i], data)) {
          result.add(magicTypes[i]);
          currentPriority = priorities[i];
        }
      }
    }
    if (!result.isEmpty()) {
      for (int i = 0; i < result.size(); i++) {
        MimeType matched = result.get(i);
        if ("application/xml".equals(matched.getName()) || "text/html".equals(matched.getName())) {
          QName root = new XmlRootExtractor().extractRootElement(data);
          if (root != null) {
            for (MimeType type : xmlRootTypes) {
              if (TIKA.matchesXml(type, root.getNamespaceURI(), root.getLocalPart())) {
                result.set(i, type);
                break;
              }
            }
          } else if ("application/xml".equals(matched.getName())) {
            // TIKA-2419: not well-formed XML may be HTML; Tika asks its HTML magics (any match will do).
            boolean isHtml = false;
            for (Object magic : htmlMagics) {
              if (eval(magic, data)) {
                isHtml = true;
                break;
              }
            }
            result.set(i, isHtml ? htmlType : textType);
          }
        }
      }
      return result;
    }
    try {
      TextDetector detector = new TextDetector(types.getMinLength());
      // Tika reads these bytes through commons-io's unsynchronized stream; the detector sees the same bytes.
      MediaType text = detector.detect(new ByteArrayInputStream(data), new Metadata());
      return Collections.singletonList(types.forName(text.toString()));
    } catch (Exception e) {
      return Collections.singletonList(rootType);
    }
  }

  @Override
  public MediaType detect(InputStream input, Metadata metadata) throws IOException {
    List<MimeType> possible = null;
    if (input != null) {
      input.mark(types.getMinLength());
      try {
        possible = mimeTypes(input.readNBytes(types.getMinLength()));
      } finally {
        input.reset();
      }
    }
    return detect(possible, metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY), metadata.get(Metadata.CONTENT_TYPE));
  }

  /** {@code MimeTypes.detect} on a prefix already read (at most {@code getMinLength()} bytes). */
  MediaType detect(byte[] prefix, String resourceName, String contentType) {
    return detect(mimeTypes(prefix), resourceName, contentType);
  }

  @SuppressWarnings("deprecation") // MimeTypes.getMimeType(String) is what MimeTypes.detect itself calls
  private MediaType detect(List<MimeType> possible, String resourceName, String contentType) {
    if (resourceName != null) {
      String name = null;
      boolean isHttp = false;
      try {
        URI uri = new URI(resourceName);
        String scheme = uri.getScheme();
        isHttp = scheme != null && scheme.startsWith("http");
        String path = uri.getPath();
        if (path != null) {
          int slash = path.lastIndexOf('/');
          if (slash + 1 < path.length()) name = path.substring(slash + 1);
        }
      } catch (URISyntaxException e) {
        name = resourceName;
      }
      if (name != null) {
        MimeType hint = types.getMimeType(name);
        // Server-side scripts' names say nothing about what a web server returned.
        if (!(isHttp && TIKA.isInterpreted(hint))) possible = applyHint(possible, hint);
      }
    }
    if (contentType != null) {
      try {
        possible = applyHint(possible, types.forName(contentType));
      } catch (MimeTypeException e) {
        // malformed type name: no hint
      }
    }
    return possible == null || possible.isEmpty() ? MediaType.OCTET_STREAM : possible.get(0).getType();
  }

  private List<MimeType> applyHint(List<MimeType> possible, MimeType hint) {
    if (possible == null || possible.isEmpty()) return Collections.singletonList(hint);
    for (MimeType type : possible) {
      if (hint.equals(type) || types.getMediaTypeRegistry().isSpecializationOf(hint.getType(), type.getType())) {
        return Collections.singletonList(hint);
      }
    }
    return possible;
  }

  private static boolean eval(Object magic, byte[] data) {
    try {
      return (boolean) TIKA.eval.invokeExact(magic, data);
    } catch (RuntimeException | Error e) {
      throw e; // as Tika's own loop would
    } catch (Throwable e) {
      throw new IllegalStateException(e); // Magic.eval declares no checked exception
    }
  }

  /** Tika's package-private and private members this class reads, looked up once. */
  private static final class Reflected {
    final Field magics;
    final Field rootMimeType;
    final Field textMimeType;
    final Field htmlMimeType;
    final Field xmls;
    final Field magicType;
    final Field magicPriority;
    final Field magicClause;
    final MethodHandle eval;
    final MethodHandle matchesXml;
    final MethodHandle isInterpreted;
    final Class<?> magicMatch;
    final Class<?> andClause;
    final Class<?> orClause;
    final Class<?> minShouldMatchClause;
    final Field andClauses;
    final Field orClauses;
    final Field minShouldMatchClauses;
    final Method getDetector;
    final Field pattern;
    final Field mask;
    final Field isRegex;
    final Field isStringIgnoreCase;
    final Field offsetRangeBegin;
    final Field offsetRangeEnd;

    Reflected() throws ReflectiveOperationException {
      magics = field(MimeTypes.class, "magics");
      rootMimeType = field(MimeTypes.class, "rootMimeType");
      textMimeType = field(MimeTypes.class, "textMimeType");
      htmlMimeType = field(MimeTypes.class, "htmlMimeType");
      xmls = field(MimeTypes.class, "xmls");
      Class<?> magic = Class.forName("org.apache.tika.mime.Magic");
      magicType = field(magic, "type");
      magicPriority = field(magic, "priority");
      magicClause = field(magic, "clause");
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      Method evalMethod = magic.getMethod("eval", byte[].class);
      evalMethod.setAccessible(true);
      eval = lookup.unreflect(evalMethod).asType(MethodType.methodType(boolean.class, Object.class, byte[].class));
      Method matches = MimeType.class.getDeclaredMethod("matchesXML", String.class, String.class);
      matches.setAccessible(true);
      matchesXml = lookup.unreflect(matches);
      Method interpreted = MimeType.class.getDeclaredMethod("isInterpreted");
      interpreted.setAccessible(true);
      isInterpreted = lookup.unreflect(interpreted);
      magicMatch = Class.forName("org.apache.tika.mime.MagicMatch");
      andClause = Class.forName("org.apache.tika.mime.AndClause");
      orClause = Class.forName("org.apache.tika.mime.OrClause");
      minShouldMatchClause = Class.forName("org.apache.tika.mime.MinShouldMatchClause");
      andClauses = field(andClause, "clauses");
      orClauses = field(orClause, "clauses");
      minShouldMatchClauses = field(minShouldMatchClause, "clauses");
      getDetector = magicMatch.getDeclaredMethod("getDetector");
      getDetector.setAccessible(true);
      pattern = field(MagicDetector.class, "pattern");
      mask = field(MagicDetector.class, "mask");
      isRegex = field(MagicDetector.class, "isRegex");
      isStringIgnoreCase = field(MagicDetector.class, "isStringIgnoreCase");
      offsetRangeBegin = field(MagicDetector.class, "offsetRangeBegin");
      offsetRangeEnd = field(MagicDetector.class, "offsetRangeEnd");
    }

    boolean matchesXml(MimeType type, String namespace, String localName) {
      try {
        return (boolean) matchesXml.invokeExact(type, namespace, localName);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }

    boolean isInterpreted(MimeType type) {
      try {
        return (boolean) isInterpreted.invokeExact(type);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }

    private static Field field(Class<?> c, String name) throws NoSuchFieldException {
      Field f = c.getDeclaredField(name);
      f.setAccessible(true);
      return f;
    }
  }
}
