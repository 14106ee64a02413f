package io.helpdeskmail.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A text folded once ({@link TextFolding}) and cut into words, with each word's positions: a keyword phrase is then
 * one hash lookup plus a check of the words after it, however many rules and lexicon entries ask. Words are runs
 * of letters and digits; every Chinese or Japanese character is a word of its own, since those scripts do not
 * separate words with spaces.
 */
public final class WordIndex {
  private final String folded;
  /** folded's characters: the cut reads every one of them, and an array spares String's checks per character. */
  private final char[] text;
  private final int count;
  private final Vocabulary vocabulary;
  /**
   * (vocabulary number, first character) of each word that is a vocabulary word or begins with a vocabulary
   * prefix, in text order. Only these are kept: a phrase is checked from where its first word occurs, its other
   * words read from the text then, and most words of a mail are in no phrase.
   */
  private int[] hits = EMPTY;
  private int hitCount;
  /** The vocabulary numbers that occur, a bit each: most phrases' first words are in no text, told without a search. */
  private final long[] present;
  /** First characters of each vocabulary number's words, by number; made when hits are too many to search. */
  private int[][] positions;

  private WordIndex(String folded, Vocabulary vocabulary) {
    this.folded = folded;
    this.vocabulary = vocabulary;
    int n = folded.length();
    char[] a = text = new char[n];
    folded.getChars(0, n, a, 0);
    present = vocabulary == null ? null : new long[(vocabulary.size() + 63) >>> 6];
    int words = 0;
    for (int i = 0; i < n; ) {
      char c = a[i];
      if (c < 0x80 ? !ASCII_WORD[c] : !Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      int start = i, h = 0;
      if (c >= 0x2E80 && isCjk(c)) { // a word of its own
        h = c;
        i++;
      } else {
        // The vocabulary number of a word needs its hash (String's): it is summed here, as the word is cut.
        do {
          h = 31 * h + c;
          if (++i == n) break;
          c = a[i];
        } while (c < 0x80 ? ASCII_WORD[c] : Character.isLetterOrDigit(c) && !(c >= 0x2E80 && isCjk(c)));
      }
      words++;
      if (vocabulary != null) look(vocabulary, start, i, h);
    }
    count = words;
  }

  /** Records the word a[start, end) (of hash h) if it is a vocabulary word, and the vocabulary prefixes it begins with. */
  private void look(Vocabulary v, int start, int end, int h) {
    int slot = v.words.find(text, start, end, h);
    if (slot >= 0) hit(slot, start);
    Vocabulary.Table prefixes = v.prefixes;
    int len = end - start;
    if (len < prefixes.shortest) return;
    // Prefixes are few and long ("rembours", "return"): a word long enough has its beginnings hashed again here,
    // which the many short words do not pay for while they are cut.
    int last = Math.min(len, prefixes.longest), ph = 0;
    for (int k = 0; k < last; k++) {
      ph = 31 * ph + text[start + k];
      if (prefixes.lengths[k + 1]) {
        int p = prefixes.find(text, start, start + k + 1, ph);
        if (p >= 0) hit(p, start);
      }
    }
  }

  private void hit(int slot, int start) {
    if (hitCount + 2 > hits.length) hits = Arrays.copyOf(hits, Math.max(8, hits.length * 2));
    hits[hitCount++] = slot;
    hits[hitCount++] = start;
    present[slot >>> 6] |= 1L << slot;
  }

  /** Letters and digits: what words are made of. */
  private static boolean wordChar(char c) {
    return c < 0x80 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
  }

  private static final int[] EMPTY = new int[0];

  /** ASCII letters and digits (word characters below 0x80). */
  private static final boolean[] ASCII_WORD = new boolean[0x80];

  static {
    for (char c = '0'; c <= '9'; c++) ASCII_WORD[c] = true;
    for (char c = 'a'; c <= 'z'; c++) ASCII_WORD[c] = true;
    for (char c = 'A'; c <= 'Z'; c++) ASCII_WORD[c] = true;
  }

  public static WordIndex of(String text) {
    return new WordIndex(TextFolding.fold(text), null);
  }

  /**
   * An index that records where the vocabulary's words and prefixes occur: the first words of every configured
   * phrase. A long mail has thousands of distinct words and hashing them all into a map cost more than the rules
   * themselves.
   */
  public static WordIndex of(String text, Vocabulary vocabulary) {
    return new WordIndex(TextFolding.fold(text), vocabulary);
  }

  /** The same over a text already folded ({@link TextFolding#fold}), when the fold is kept for other tests too. */
  static WordIndex ofFolded(String folded, Vocabulary vocabulary) {
    return new WordIndex(folded, vocabulary);
  }

  public static WordIndex of(String text, java.util.Set<String> vocabulary) {
    return of(text, Vocabulary.of(vocabulary));
  }

  /** The first words of phrases (those not ending in "*"), what {@link #of(String, Vocabulary)} indexes. */
  public static java.util.Set<String> vocabulary(java.util.Collection<Phrase> phrases) {
    java.util.Set<String> v = new java.util.HashSet<>();
    for (Phrase p : phrases) if (p.words().length > 0 && !p.prefixAt(0)) v.add(p.words()[0]);
    return v;
  }

  /** The first words of phrases that end in "*" (without it): the prefixes a vocabulary of those phrases has. */
  static java.util.Set<String> prefixes(java.util.Collection<Phrase> phrases) {
    java.util.Set<String> v = new java.util.HashSet<>();
    for (Phrase p : phrases) if (p.words().length > 0 && p.prefixAt(0)) v.add(p.words()[0]);
    return v;
  }

  /** The words of a folded text (for phrases; texts are indexed without making these strings). */
  static String[] words(String folded) {
    WordIndex w = new WordIndex(folded, null);
    String[] out = new String[w.count];
    int k = 0;
    for (int at = w.nextWord(0); at >= 0; at = w.nextWord(w.wordEnd(at))) out[k++] = folded.substring(at, w.wordEnd(at));
    return out;
  }

  /** Han ideographs, hiragana and katakana (by block: UnicodeScript.of is a binary search per character). */
  private static boolean isCjk(char c) {
    return c >= 0x3040 && c <= 0x30FF || c >= 0x31F0 && c <= 0x31FF || c >= 0x3400 && c <= 0x4DBF
        || c >= 0x4E00 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF || c >= 0xFF66 && c <= 0xFF9F;
  }

  public int size() {
    return count;
  }

  /** The text as folded. */
  public String folded() {
    return folded;
  }

  /** The first word starting at or after from, or -1. */
  private int nextWord(int from) {
    char[] a = text;
    while (from < a.length && !wordChar(a[from])) from++;
    return from < a.length ? from : -1;
  }

  /** The end of the word that starts at start. */
  private int wordEnd(int start) {
    char[] a = text;
    char c = a[start];
    if (c >= 0x2E80 && isCjk(c)) return start + 1;
    int i = start + 1;
    while (i < a.length && wordChar(c = a[i]) && !(c >= 0x2E80 && isCjk(c))) i++;
    return i;
  }

  /** Whether the phrase occurs as whole words, in order, next to each other. */
  public boolean contains(Phrase p) {
    String[] pw = p.words();
    if (pw.length == 0 || count < pw.length) return false;
    int slot = -1;
    if (vocabulary != null) slot = p.prefixAt(0) ? vocabulary.prefixSlot(pw[0]) : vocabulary.slot(pw[0]);
    if (slot < 0) { // no vocabulary, or a phrase the vocabulary was not built from: scan
      for (int at = nextWord(0); at >= 0; at = nextWord(wordEnd(at))) if (matchesAt(p, at)) return true;
      return false;
    }
    if ((present[slot >>> 6] & 1L << slot) == 0) return false;
    if (hitCount <= SEARCHED_HITS) {
      for (int k = 0; k < hitCount; k += 2) if (hits[k] == slot && matchesAt(p, hits[k + 1])) return true;
      return false;
    }
    for (int at : positions()[slot]) if (matchesAt(p, at)) return true;
    return false;
  }

  /** Hit pairs up to which a phrase's first word is searched for among them rather than looked up by number. */
  private static final int SEARCHED_HITS = 2 * 16;

  /** Whether the phrase occurs from the word that starts at character at. */
  boolean matchesAt(Phrase p, int at) {
    String[] pw = p.words();
    char[] a = text;
    for (int k = 0; ; ) {
      int end = wordEnd(at), len = end - at;
      String w = pw[k];
      if (p.prefixAt(k) ? len < w.length() : len != w.length()) return false;
      for (int j = 0; j < w.length(); j++) if (a[at + j] != w.charAt(j)) return false;
      if (++k == pw.length) return true;
      if ((at = nextWord(end)) < 0) return false;
    }
  }

  /** The (vocabulary number, first character) pairs of {@link #hitCount()} ints, in text order (needs a vocabulary). */
  int[] hits() {
    return hits;
  }

  int hitCount() {
    return hitCount;
  }

  private int[][] positions() {
    if (positions == null) {
      // int[] with the count in slot 0, doubled when full: a word repeated thousands of times stays linear.
      int[][] m = new int[vocabulary.size()][];
      for (int k = 0; k < hitCount; k += 2) add(m, hits[k], hits[k + 1]);
      for (int k = 0; k < m.length; k++) if (m[k] != null) m[k] = Arrays.copyOfRange(m[k], 1, m[k][0] + 1);
      positions = m;
    }
    return positions;
  }

  private static void add(int[][] m, int slot, int at) {
    int[] list = m[slot];
    if (list == null) m[slot] = list = new int[4];
    else if (list[0] + 1 == list.length) m[slot] = list = Arrays.copyOf(list, list.length * 2);
    list[++list[0]] = at;
  }

  /**
   * A fixed set of words, and of prefixes (first words of phrases ending in "*"), looked up by a region of a text
   * so that tokens need not become strings: open addressing tables with String's own hash. Words are numbered
   * 0..words-1, prefixes after them.
   */
  public static final class Vocabulary {
    private final Table words, prefixes;

    private Vocabulary(java.util.Set<String> words, java.util.Set<String> prefixes) {
      this.words = new Table(words, 0);
      this.prefixes = new Table(prefixes, words.size());
    }

    public static Vocabulary of(java.util.Set<String> words) {
      return new Vocabulary(words, java.util.Set.of());
    }

    /** The vocabulary of phrases: their first words, and their first prefixes. */
    public static Vocabulary of(java.util.Collection<Phrase> phrases) {
      return new Vocabulary(vocabulary(phrases), prefixes(phrases));
    }

    /** How many numbers words and prefixes take. */
    public int size() {
      return words.size + prefixes.size;
    }

    /** A whole word's number: String caches its hash, so a phrase's first word is not hashed again per message. */
    public int slot(String word) {
      return words.find(word);
    }

    /** A prefix's number, or -1 when it is not one of the vocabulary's prefixes. */
    public int prefixSlot(String prefix) {
      return prefixes.find(prefix);
    }

    /**
     * One open addressing table, and a bit per hash (its low bits) that some entry has: a text's words mostly
     * miss, and the bit tells most of them apart with one load, where a probe of the table, a quarter full, went
     * on to a second entry for one word in four.
     */
    private static final class Table {
      private final String[] table;
      private final int[] slotOf, hashOf;
      private final long[] filter;
      private final int mask, filterMask, size, shortest, longest;
      /** Which lengths the table holds (up to the longest). */
      private final boolean[] lengths;

      Table(java.util.Set<String> words, int first) {
        int cap = Integer.highestOneBit(Math.max(4, words.size() * 3)) << 1;
        table = new String[cap];
        slotOf = new int[cap];
        hashOf = new int[cap];
        mask = cap - 1;
        // 32 bits per word or more: one word in a hundred that is not in the table passes the filter.
        int bits = Math.max(64, Integer.highestOneBit(Math.max(1, words.size()) * 32) << 1);
        filter = new long[bits >>> 6];
        filterMask = filter.length - 1;
        int n = 0, min = Integer.MAX_VALUE, max = 0;
        for (String w : words) {
          int h = w.hashCode(), i = h & mask;
          while (table[i] != null) i = (i + 1) & mask;
          table[i] = w;
          hashOf[i] = h;
          slotOf[i] = first + n++;
          filter[(h >>> 6) & filterMask] |= 1L << h;
          min = Math.min(min, w.length());
          max = Math.max(max, w.length());
        }
        size = n;
        shortest = words.isEmpty() ? Integer.MAX_VALUE : min;
        longest = max;
        lengths = new boolean[max + 1];
        for (String w : words) lengths[w.length()] = true;
      }

      /** The number of a[from, to), whose hash is h, or -1. */
      int find(char[] a, int from, int to, int h) {
        if ((filter[(h >>> 6) & filterMask] & 1L << h) == 0) return -1;
        int len = to - from;
        for (int i = h & mask; table[i] != null; i = (i + 1) & mask) {
          if (hashOf[i] == h && table[i].length() == len && same(a, from, table[i])) return slotOf[i];
        }
        return -1;
      }

      /**
       * A whole word. Contains tests look up their phrases' first words on every message: the table holds those
       * very strings, so the entry is usually told by identity, without comparing characters.
       */
      int find(String word) {
        int h = word.hashCode();
        for (int i = h & mask; table[i] != null; i = (i + 1) & mask) {
          if (table[i] == word || hashOf[i] == h && table[i].equals(word)) return slotOf[i];
        }
        return -1;
      }

      /** a[from, from + w.length()) equals w. */
      private static boolean same(char[] a, int from, String w) {
        for (int k = 0; k < w.length(); k++) if (a[from + k] != w.charAt(k)) return false;
        return true;
      }
    }
  }

  /**
   * A keyword or phrase as written in the configuration, folded and cut the way texts are. A word ending in "*"
   * matches any word it begins ("rembours*" catches "remboursement" and "rembourser").
   *
   * @param source what the configuration said, for traces and messages
   * @param folded the source folded, for substring tests on short values (addresses, file names)
   */
  public record Phrase(String source, String folded, String[] words, long prefixMask) {
    public static Phrase of(String source) {
      String folded = TextFolding.fold(source);
      String[] raw = folded.trim().split("\\s+");
      List<String> ws = new ArrayList<>();
      long mask = 0;
      for (String r : raw) {
        boolean prefix = r.endsWith("*");
        String[] parts = WordIndex.words(prefix ? r.substring(0, r.length() - 1) : r);
        for (int k = 0; k < parts.length; k++) {
          if (prefix && k == parts.length - 1 && ws.size() < 64) mask |= 1L << ws.size();
          ws.add(parts[k]);
        }
      }
      return new Phrase(source, folded.strip(), ws.toArray(new String[0]), mask);
    }

    boolean prefixAt(int k) {
      return k < 64 && (prefixMask & (1L << k)) != 0;
    }

    public boolean isEmpty() {
      return words.length == 0;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Phrase p && p.source.equals(source);
    }

    @Override
    public int hashCode() {
      return source.hashCode();
    }

    @Override
    public String toString() {
      return source;
    }
  }
}
