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
  /**
   * Open-addressing table of the grams, two longs a slot: the key (0 for an empty slot; no key is 0, its length is
   * in it), then where its probabilities start in gramProbability (low half) and which languages have one (high half,
   * bit l for language l). A detection looks up a few hundred grams, and a lookup that went from an index to the
   * keys, the entry ranges, the entry languages and their values missed the cache at every step; this misses at most
   * twice (its slot, its values).
   */
  private final long[] table;
  /**
   * P(gram | language) for each gram's languages, in language order: its count over its language's total for grams
   * of that length.
   */
  private final double[] gramProbability;
  /**
   * The grams that at least HOT_LANGUAGES profiles have, keyed alone (0 for an empty slot): the common letters and
   * pairs of the Latin-script languages, about 2,900 grams that made nine in ten of the lookups over 328 real mails
   * (counting each mail's distinct known grams). Their rows sit
   * whole in hotRows at the same slot, for the trials to read in place: the lookup reads this 32 KB array, which
   * stays cached between mails, instead of a slot of the 2 MB table and then the values.
   */
  private final long[] hotKeys;
  /**
   * The hot grams' P(gram | language) for every language, 0 where a profile lacks the gram; see hotRow. One array a
   * row: the trials multiply by a row from its start, a loop the JIT vectorizes, where one at an offset into a
   * shared array may overlap the probabilities it writes, and stays scalar.
   */
  private final double[][] hotRows;
  /**
   * A gram this many profiles share gets a whole row in hotRows. Such grams are frequent, and the ones mail draws most
   * are shared by 15 or 16 profiles, so a full row costs little more than their sparse values; the rest stay sparse.
   */
  static final int HOT_LANGUAGES = 4;

  /** totals: occurrences of all grams of length n in language l, at [l * MAX_GRAM + n - 1]. */
  private LanguageModel(String[] tags, String[] languages, long[] totals, char[] latin1Excluded, char[] cjkFrom,
      char[] cjkTo, long[] keys, int[] starts, byte[] entryLanguage, int[] entryCount) {
    this.tags = tags;
    this.languages = languages;
    this.latin1Excluded = latin1Excluded;
    this.cjkFrom = cjkFrom;
    this.cjkTo = cjkTo;
    if (tags.length > 32) throw new IllegalStateException(RESOURCE + " has more languages than a slot has bits");
    double[] row = new double[tags.length];
    this.gramProbability = new double[entryCount.length];
    int slots = Integer.highestOneBit(Math.max(keys.length, 1)) * 4; // load factor at most a half
    this.table = new long[2 * slots];
    int mask = slots - 1;
    int hot = 0;
    for (int g = 0; g < keys.length; g++) if (starts[g + 1] - starts[g] >= HOT_LANGUAGES) hot++;
    // Load at most three quarters: a gram outside the hot set probes here first, until an empty slot.
    int hotSlots = Integer.highestOneBit(Math.max(hot * 4 / 3, 1)) * 2;
    this.hotKeys = new long[hotSlots];
    this.hotRows = new double[hotSlots][];
    int hotMask = hotSlots - 1;
    int next = 0;
    for (int g = 0; g < keys.length; g++) {
      int length = (int) (keys[g] >>> 48);
      long languagesOf = 0;
      int first = next;
      boolean ascending = true;
      // The model lists a gram's languages in order, which is the order lookups read them in: written straight
      // through (this runs for every gram on every cold start); any other order is laid out through a row.
      for (int e = starts[g], previous = -1; e < starts[g + 1]; e++) {
        int l = entryLanguage[e];
        ascending &= l > previous;
        previous = l;
        languagesOf |= 1L << l;
        gramProbability[next++] = (double) entryCount[e] / totals[l * MAX_GRAM + length - 1];
      }
      if (!ascending) {
        Arrays.fill(row, 0.0);
        for (int e = starts[g]; e < starts[g + 1]; e++) {
          row[entryLanguage[e]] = (double) entryCount[e] / totals[entryLanguage[e] * MAX_GRAM + length - 1];
        }
        next = first;
        for (int l = 0; l < row.length; l++) if ((languagesOf & 1L << l) != 0) gramProbability[next++] = row[l];
      }
      int s = slot(keys[g], mask);
      while (table[2 * s] != 0) s = (s + 1) & mask;
      table[2 * s] = keys[g];
      table[2 * s + 1] = languagesOf << 32 | first;
      if (Long.bitCount(languagesOf) >= HOT_LANGUAGES) {
        int h = slot(keys[g], hotMask);
        while (hotKeys[h] != 0) h = (h + 1) & hotMask;
        hotKeys[h] = keys[g];
        hotRows[h] = new double[tags.length];
        int e = first;
        for (long m = languagesOf; m != 0; m &= m - 1) hotRows[h][Long.numberOfTrailingZeros(m)] = gramProbability[e++];
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** The gram's slot in table, or -1. */
  private int find(long key) {
    int mask = table.length / 2 - 1;
    for (int s = slot(key, mask); table[2 * s] != 0; s = (s + 1) & mask) {
      if (table[2 * s] == key) return s;
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
    int s = find(key);
    if (s < 0) return false;
    long value = table[2 * s + 1];
    int e = (int) value;
    for (int l = 0; l < tags.length; l++) row[at + l] = 0.0;
    for (long m = value >>> 32; m != 0; m &= m - 1) row[at + Long.numberOfTrailingZeros(m)] = gramProbability[e++];
    return true;
  }

  /**
   * The gram's row when it is a hot gram (what {@link #probabilities} would write, size() values; shared, not to be
   * written), or null; then probabilities has it, if any profile does.
   */
  double[] hotRow(long key) {
    int mask = hotKeys.length - 1;
    for (int h = slot(key, mask); hotKeys[h] != 0; h = (h + 1) & mask) {
      if (hotKeys[h] == key) return hotRows[h];
    }
    return null;
  }

  /** Every gram of the model, in no particular order. */
  long[] grams() {
    long[] grams = new long[table.length / 2];
    int n = 0;
    for (int s = 0; s < table.length; s += 2) if (table[s] != 0) grams[n++] = table[s];
    return Arrays.copyOf(grams, n);
  }

  /**
   * Optimaize's (originally language-detection's) character normalization: non-letters of Basic Latin, the
   * excluded Latin-1 characters and general punctuation become spaces; each kana, bopomofo and Hangul syllable
   * block collapses to one character; CJK ideographs fold to their class's representative.
   */
  char normalize(char ch) {
    // Basic Latin is U+0000 to U+007F: most mail is in it, and finding a block is a binary search over 300 of them.
    if (ch < 0x80) return ch < 'A' || (ch < 'a' && ch > 'Z') || ch > 'z' ? ' ' : ch;
    Character.UnicodeBlock block = Character.UnicodeBlock.of(ch);
    if (block == Character.UnicodeBlock.LATIN_1_SUPPLEMENT) {
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
