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
  /** Word i is folded[starts[i], ends[i]); no substring per word is made, most words are never looked at. */
  private final int[] starts, ends;
  private final int count;
  private final Vocabulary vocabulary;
  /** Each word's vocabulary number or -1, found while cutting (null without a vocabulary). */
  private final int[] slots;
  /**
   * (prefix number, word) pairs for the words that begin with a vocabulary prefix, in text order: what a phrase
   * starting with "return*" looks up instead of testing every word of the text.
   */
  private int[] prefixHits = EMPTY;
  private int prefixHitCount;
  /** Positions of each vocabulary word and prefix (by its number); lazy. Without a vocabulary, phrases are found by a scan. */
  private int[][] positions;

  private WordIndex(String folded, Vocabulary vocabulary) {
    this.folded = folded;
    this.vocabulary = vocabulary;
    int cap = Math.max(4, folded.length() / 5);
    int[] st = new int[cap], en = new int[cap], sl = vocabulary == null ? null : new int[cap];
    boolean[] prefixLengths = vocabulary == null ? new boolean[0] : vocabulary.prefixes.lengths;
    int n = 0;
    int len = folded.length();
    // The vocabulary number of a word needs its hash: it is summed here, as the word is cut, and the hash of each
    // beginning of the word (the same sum, stopped early) finds the prefixes it starts with.
    for (int i = 0; i < len; ) {
      char c = folded.charAt(i);
      if (!wordChar(c)) {
        i++;
        continue;
      }
      int start = i, h = 0;
      if (c >= 0x2E80 && isCjk(c)) { // a word of its own
        h = c;
        i++;
        if (prefixLengths.length > 1 && prefixLengths[1]) prefixHit(vocabulary.prefixes.find(folded, start, i, h), n);
      } else {
        while (true) {
          h = 31 * h + c;
          i++;
          int k = i - start;
          if (k < prefixLengths.length && prefixLengths[k]) prefixHit(vocabulary.prefixes.find(folded, start, i, h), n);
          if (i == len) break;
          c = folded.charAt(i);
          if (!wordChar(c) || c >= 0x2E80 && isCjk(c)) break;
        }
      }
      if (n == st.length) {
        st = Arrays.copyOf(st, n * 2);
        en = Arrays.copyOf(en, n * 2);
        if (sl != null) sl = Arrays.copyOf(sl, n * 2);
      }
      st[n] = start;
      en[n] = i;
      if (sl != null) sl[n] = vocabulary.slot(folded, start, i, h);
      n++;
    }
    this.starts = st;
    this.ends = en;
    this.count = n;
    this.slots = sl;
  }

  /** Records that word begins with the prefix numbered p (nothing when p is -1). */
  private void prefixHit(int p, int word) {
    if (p < 0) return;
    if (prefixHitCount + 2 > prefixHits.length) prefixHits = Arrays.copyOf(prefixHits, Math.max(8, prefixHits.length * 2));
    prefixHits[prefixHitCount++] = p;
    prefixHits[prefixHitCount++] = word;
  }

  /** Letters and digits: what words are made of. */
  private static boolean wordChar(char c) {
    return c < 0x80 ? c <= 'z' && ASCII_WORD[c] : Character.isLetterOrDigit(c);
  }

  private static final int[] EMPTY = new int[0];

  /** ASCII letters and digits (word characters below 0x80). */
  private static final boolean[] ASCII_WORD = new boolean['z' + 1];

  static {
    for (char c = '0'; c <= '9'; c++) ASCII_WORD[c] = true;
    for (char c = 'a'; c <= 'z'; c++) ASCII_WORD[c] = true;
    for (char c = 'A'; c <= 'Z'; c++) ASCII_WORD[c] = true;
  }

  public static WordIndex of(String text) {
    return new WordIndex(TextFolding.fold(text), null);
  }

  /**
   * An index that records positions only of the vocabulary's words and prefixes: the first words of every
   * configured phrase. A long mail has thousands of distinct words and hashing them all into a map cost more than
   * the rules themselves.
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
    for (int i = 0; i < w.count; i++) out[i] = folded.substring(w.starts[i], w.ends[i]);
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

  /** Whether the phrase occurs as whole words, in order, next to each other. */
  public boolean contains(Phrase p) {
    String[] pw = p.words();
    if (pw.length == 0 || count < pw.length) return false;
    int[] at = null;
    if (vocabulary != null) {
      int slot = p.prefixAt(0) ? vocabulary.prefixSlot(pw[0]) : vocabulary.slot(pw[0]);
      if (slot >= 0) {
        at = positions()[slot];
        if (at == null) return false;
      }
    }
    if (at == null) { // no vocabulary, or a phrase the vocabulary was not built from: scan
      for (int i = 0; i + pw.length <= count; i++) if (matchesAt(p, i)) return true;
      return false;
    }
    for (int i : at) if (i + pw.length <= count && matchesAt(p, i)) return true;
    return false;
  }

  boolean matchesAt(Phrase p, int i) {
    String[] pw = p.words();
    // The arrays have room past the last word: without this, a phrase that runs past it read their spare entries
    // or beyond them.
    if (i + pw.length > count) return false;
    for (int k = 0; k < pw.length; k++) {
      int s = starts[i + k], len = ends[i + k] - s;
      String w = pw[k];
      if (p.prefixAt(k) ? len < w.length() : len != w.length()) return false;
      if (!folded.regionMatches(s, w, 0, w.length())) return false;
    }
    return true;
  }

  /** Each word's vocabulary number, or -1, in the first {@link #size()} entries (needs a vocabulary). */
  int[] slots() {
    return slots;
  }

  private int[][] positions() {
    if (positions == null) {
      // int[] with the count in slot 0, doubled when full: a word repeated thousands of times stays linear.
      int[][] m = new int[vocabulary.size()][];
      for (int i = 0; i < count; i++) {
        int slot = slots[i];
        if (slot >= 0) add(m, slot, i);
      }
      for (int k = 0; k < prefixHitCount; k += 2) add(m, prefixHits[k], prefixHits[k + 1]);
      for (int k = 0; k < m.length; k++) if (m[k] != null) m[k] = Arrays.copyOfRange(m[k], 1, m[k][0] + 1);
      positions = m;
    }
    return positions;
  }

  private static void add(int[][] m, int slot, int word) {
    int[] at = m[slot];
    if (at == null) m[slot] = at = new int[4];
    else if (at[0] + 1 == at.length) m[slot] = at = Arrays.copyOf(at, at.length * 2);
    at[++at[0]] = word;
  }

  /**
   * A fixed set of words, and of prefixes (first words of phrases ending in "*"), looked up by a region of a string
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
     * The word's number, or -1 when it is not in the vocabulary; h is the hash of s[from, to). A word of a length
     * no vocabulary word has is not looked up.
     */
    int slot(String s, int from, int to, int h) {
      int len = to - from;
      return len < words.lengths.length && words.lengths[len] ? words.find(s, from, to, h) : -1;
    }

    /**
     * One open addressing table; lengths says which lengths it holds, so that others are not looked up. Each entry
     * keeps its word's hash: a text's words mostly miss, and a word that lands on an entry of its length is told
     * apart by the hash without comparing characters.
     */
    private static final class Table {
      private final String[] table;
      private final int[] slotOf, hashOf;
      private final boolean[] lengths;
      private final int mask, size;

      Table(java.util.Set<String> words, int first) {
        int cap = Integer.highestOneBit(Math.max(4, words.size() * 3)) << 1;
        table = new String[cap];
        slotOf = new int[cap];
        hashOf = new int[cap];
        mask = cap - 1;
        int n = 0, longest = 0;
        for (String w : words) {
          int i = w.hashCode() & mask;
          while (table[i] != null) i = (i + 1) & mask;
          table[i] = w;
          hashOf[i] = w.hashCode();
          slotOf[i] = first + n++;
          longest = Math.max(longest, w.length());
        }
        size = n;
        lengths = new boolean[words.isEmpty() ? 0 : longest + 1];
        for (String w : words) lengths[w.length()] = true;
      }

      int find(String s, int from, int to, int h) {
        int len = to - from;
        for (int i = h & mask; table[i] != null; i = (i + 1) & mask) {
          if (hashOf[i] == h && table[i].length() == len && same(s, from, table[i])) return slotOf[i];
        }
        return -1;
      }

      /**
       * A whole word. Contains tests look up their phrases' first words on every message: the table holds those
       * very strings, so the entry is usually told by identity, without comparing characters.
       */
      int find(String word) {
        int h = word.hashCode();
        for (int i = h & mask; table[i] != null; i = (i + 1) & mask) if (table[i] == word) return slotOf[i];
        return find(word, 0, word.length(), h);
      }

      /** s[from, from + w.length()) equals w; words are short, a loop beats regionMatches' setup. */
      private static boolean same(String s, int from, String w) {
        for (int k = 0; k < w.length(); k++) if (s.charAt(from + k) != w.charAt(k)) return false;
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
