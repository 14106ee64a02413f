package io.helpdeskmail.adapter.tika;

import com.optimaize.langdetect.cybozu.util.CharNormalizer;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Derives language-model.bin from the Optimaize jar (a test dependency only): its built-in profiles for
 * {@link OptimaizeLanguageDetector#DEFAULT_LANGUAGES} and its character normalizer's tables. LanguageModelTest
 * fails when the committed file is not what this writes; `main` (or that test with -DlanguageModel.write=PATH)
 * rewrites it.
 */
final class LanguageModelGenerator {
  private LanguageModelGenerator() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0]
        : "shared/src/main/resources/io/helpdeskmail/adapter/tika/" + LanguageModel.RESOURCE);
    Files.write(out, generate());
    System.out.println("wrote " + out);
  }

  /** The profiles as the library's own reader gives them, in the order a LanguageDetectorBuilder was fed them. */
  static List<LanguageProfile> profiles() throws IOException {
    LanguageProfileReader reader = new LanguageProfileReader();
    List<LanguageProfile> profiles = new ArrayList<>();
    for (String lang : OptimaizeLanguageDetector.DEFAULT_LANGUAGES.stream().sorted().toList()) {
      profiles.add(reader.readBuiltIn(LdLocale.fromString(lang)));
    }
    return profiles;
  }

  static byte[] generate() throws IOException {
    // LanguageDetectorBuilder collects profiles in a HashSet and numbers the languages in its iteration order,
    // which decides how sums round and which of two equal scores ranks first: same insertions, same order.
    Set<LanguageProfile> set = new HashSet<>();
    for (LanguageProfile p : profiles()) set.add(p);
    List<LanguageProfile> ordered = new ArrayList<>(set);
    if (ordered.size() > Byte.MAX_VALUE) throw new IllegalStateException("language indexes are stored as bytes");

    TreeMap<Long, List<int[]>> grams = new TreeMap<>();
    for (int l = 0; l < ordered.size(); l++) {
      for (int n = 1; n <= LanguageModel.MAX_GRAM; n++) {
        for (Map.Entry<String, Integer> e : ordered.get(l).iterateGrams(n)) {
          if (e.getKey().length() != n) throw new IllegalStateException("gram " + e.getKey() + " among " + n + "-grams");
          grams.computeIfAbsent(LanguageModel.key(e.getKey(), 0, n), k -> new ArrayList<>()).add(new int[] {l, e.getValue()});
        }
      }
    }
    StringBuilder latin1 = new StringBuilder();
    for (char c = 0x80; c <= 0xff; c++) if (CharNormalizer.normalize(c) == ' ') latin1.append(c);
    StringBuilder cjkFrom = new StringBuilder(), cjkTo = new StringBuilder();
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      if (Character.UnicodeBlock.of((char) c) != Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS) continue;
      char to = CharNormalizer.normalize((char) c);
      if (to != c) {
        cjkFrom.append((char) c);
        cjkTo.append(to);
      }
    }

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(LanguageModel.MAGIC);
      out.writeInt(LanguageModel.VERSION);
      out.writeShort(ordered.size());
      for (LanguageProfile p : ordered) {
        utf(out, p.getLocale().toString());
        utf(out, p.getLocale().getLanguage());
      }
      for (LanguageProfile p : ordered) {
        for (int n = 1; n <= LanguageModel.MAX_GRAM; n++) out.writeLong(p.getNumGramOccurrences(n));
      }
      out.writeShort(latin1.length());
      out.writeChars(latin1.toString());
      out.writeInt(cjkFrom.length());
      out.writeChars(cjkFrom.toString());
      out.writeChars(cjkTo.toString());
      out.writeInt(grams.size());
      for (long key : grams.keySet()) out.writeLong(key);
      int start = 0;
      for (List<int[]> entries : grams.values()) {
        out.writeInt(start);
        start += entries.size();
      }
      out.writeInt(start);
      for (List<int[]> entries : grams.values()) for (int[] e : entries) out.writeByte(e[0]);
      for (List<int[]> entries : grams.values()) for (int[] e : entries) out.writeInt(e[1]);
    }
    return bytes.toByteArray();
  }

  private static void utf(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeShort(b.length);
    out.write(b);
  }
}
