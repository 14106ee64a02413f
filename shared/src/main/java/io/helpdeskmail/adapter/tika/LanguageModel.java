package io.helpdeskmail.adapter.tika;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The n-gram counts of Optimaize's built-in profiles for our languages, in the compact form
 * LanguageModelGenerator (test sources) writes to language-model.bin: sorted gram keys and flat arrays read in
 * bulk, so a cold start reads about 1 MB instead of parsing twenty JSON profiles into hash maps of boxed values.
 * Also holds what Optimaize's character normalizer takes from its message table (the Latin-1 characters it drops,
 * the CJK ideographs it folds into one representative per class).
 */
final class LanguageModel {
  static final String RESOURCE = "language-model.bin";
  static final int MAGIC = 0x48444c4d; // "HDLM"
  static final int VERSION = 1;
  /** Optimaize's standard extractor: 1-, 2- and 3-grams. */
  static final int MAX_GRAM = 3;

  /** Profile names in the detector's language order ("zh-CN"). */
  final String[] tags;
  /** What each profile's locale gives as its language ("zh" for zh-CN): the detector's answer. */
  final String[] languages;
  private final char[] latin1Excluded;
  private final char[] cjkFrom;
  private final char[] cjkTo;
  private final long[] keys;
  private final int[] starts;
  private final byte[] entryLanguage;
  /** P(gram | language) of each entry: its count over its language's total for grams of that length. */
  private final double[] entryProbability;
  /**
   * Open-addressing index of keys (slot holds gram index + 1, 0 is empty): a detection looks up a few hundred
   * grams, and a binary search over the sorted keys missed the cache at nearly every step.
   */
  private final int[] slots;

  /** totals: occurrences of all grams of length n in language l, at [l * MAX_GRAM + n - 1]. */
  private LanguageModel(String[] tags, String[] languages, long[] totals, char[] latin1Excluded, char[] cjkFrom,
      char[] cjkTo, long[] keys, int[] starts, byte[] entryLanguage, int[] entryCount) {
    this.tags = tags;
    this.languages = languages;
    this.latin1Excluded = latin1Excluded;
    this.cjkFrom = cjkFrom;
    this.cjkTo = cjkTo;
    this.keys = keys;
    this.starts = starts;
    this.entryLanguage = entryLanguage;
    this.entryProbability = new double[entryCount.length];
    for (int g = 0; g + 1 < starts.length; g++) {
      int length = (int) (keys[g] >>> 48);
      for (int e = starts[g]; e < starts[g + 1]; e++) {
        entryProbability[e] = (double) entryCount[e] / totals[entryLanguage[e] * MAX_GRAM + length - 1];
      }
    }
    this.slots = new int[Integer.highestOneBit(Math.max(keys.length, 1)) * 4]; // load factor at most a half
    int mask = slots.length - 1;
    for (int g = 0; g < keys.length; g++) {
      int s = slot(keys[g], mask);
      while (slots[s] != 0) s = (s + 1) & mask;
      slots[s] = g + 1;
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** The gram's index in keys, or -1. */
  private int find(long key) {
    int mask = slots.length - 1;
    for (int s = slot(key, mask); slots[s] != 0; s = (s + 1) & mask) {
      if (keys[slots[s] - 1] == key) return slots[s] - 1;
    }
    return -1;
  }

  static LanguageModel load() {
    try (InputStream in = LanguageModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is missing beside " + LanguageModel.class.getName());
      return read(ByteBuffer.wrap(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
  }

  /** Reads the format LanguageModelGenerator writes (big-endian, as DataOutputStream). */
  static LanguageModel read(ByteBuffer b) {
    if (b.getInt() != MAGIC || b.getInt() != VERSION) throw new IllegalStateException(RESOURCE + " has another format");
    int n = b.getShort();
    String[] tags = new String[n];
    String[] languages = new String[n];
    for (int i = 0; i < n; i++) {
      tags[i] = utf(b);
      languages[i] = utf(b);
    }
    long[] totals = new long[n * MAX_GRAM];
    b.asLongBuffer().get(totals);
    b.position(b.position() + totals.length * Long.BYTES);
    char[] latin1 = chars(b, b.getShort());
    int cjk = b.getInt();
    char[] cjkFrom = chars(b, cjk);
    char[] cjkTo = chars(b, cjk);
    int grams = b.getInt();
    long[] keys = new long[grams];
    b.asLongBuffer().get(keys);
    b.position(b.position() + grams * Long.BYTES);
    int[] starts = ints(b, grams + 1);
    byte[] entryLanguage = new byte[starts[grams]];
    b.get(entryLanguage);
    int[] entryCount = ints(b, starts[grams]);
    if (b.hasRemaining()) throw new IllegalStateException(RESOURCE + " has trailing bytes");
    return new LanguageModel(tags, languages, totals, latin1, cjkFrom, cjkTo, keys, starts, entryLanguage, entryCount);
  }

  private static String utf(ByteBuffer b) {
    byte[] s = new byte[b.getShort()];
    b.get(s);
    return new String(s, StandardCharsets.UTF_8);
  }

  private static char[] chars(ByteBuffer b, int n) {
    char[] c = new char[n];
    b.asCharBuffer().get(c);
    b.position(b.position() + n * Character.BYTES);
    return c;
  }

  private static int[] ints(ByteBuffer b, int n) {
    int[] v = new int[n];
    b.asIntBuffer().get(v);
    b.position(b.position() + n * Integer.BYTES);
    return v;
  }

  int size() {
    return tags.length;
  }

  /** One number per gram of 1 to 3 chars: its length above its chars, 16 bits each. */
  static long key(CharSequence s, int start, int length) {
    long k = (long) length << 48;
    for (int i = 0; i < length; i++) k |= (long) s.charAt(start + i) << (32 - 16 * i);
    return k;
  }

  /**
   * Writes P(gram | language) for every language into row[at..at+size()), as Optimaize's NgramFrequencyData computes
   * it (the gram's count over the count of all grams of its length in that profile); false, and the row untouched,
   * when no profile has the gram. Rows go into one caller-owned array: a fresh array per gram was a third of the
   * detector's time and most of its garbage.
   */
  boolean probabilities(long key, double[] row, int at) {
    int g = find(key);
    if (g < 0) return false;
    for (int l = 0; l < tags.length; l++) row[at + l] = 0.0;
    for (int e = starts[g]; e < starts[g + 1]; e++) row[at + entryLanguage[e]] = entryProbability[e];
    return true;
  }

  /**
   * Optimaize's (originally language-detection's) character normalization: non-letters of Basic Latin, the
   * excluded Latin-1 characters and general punctuation become spaces; each kana, bopomofo and Hangul syllable
   * block collapses to one character; CJK ideographs fold to their class's representative.
   */
  char normalize(char ch) {
    Character.UnicodeBlock block = Character.UnicodeBlock.of(ch);
    if (block == Character.UnicodeBlock.BASIC_LATIN) {
      return ch < 'A' || (ch < 'a' && ch > 'Z') || ch > 'z' ? ' ' : ch;
    } else if (block == Character.UnicodeBlock.LATIN_1_SUPPLEMENT) {
      return Arrays.binarySearch(latin1Excluded, ch) >= 0 ? ' ' : ch;
    } else if (block == Character.UnicodeBlock.GENERAL_PUNCTUATION) {
      return ' ';
    } else if (block == Character.UnicodeBlock.ARABIC) {
      return ch == '\u06cc' ? '\u064a' : ch;
    } else if (block == Character.UnicodeBlock.LATIN_EXTENDED_ADDITIONAL) {
      return ch >= '\u1ea0' ? '\u1ec3' : ch;
    } else if (block == Character.UnicodeBlock.HIRAGANA) {
      return '\u3042';
    } else if (block == Character.UnicodeBlock.KATAKANA) {
      return '\u30a2';
    } else if (block == Character.UnicodeBlock.BOPOMOFO || block == Character.UnicodeBlock.BOPOMOFO_EXTENDED) {
      return '\u3105';
    } else if (block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS) {
      int i = Arrays.binarySearch(cjkFrom, ch);
      return i >= 0 ? cjkTo[i] : ch;
    } else if (block == Character.UnicodeBlock.HANGUL_SYLLABLES) {
      return '\uac00';
    }
    return ch;
  }
}
