package io.helpdeskmail.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A text folded once ({@link TextFolding}) and cut into words, with where each word of a vocabulary occurs: a
 * keyword phrase is then a look at those places and a check of the words after each, however many rules and
 * lexicon entries ask. Words are runs of letters and digits; every Chinese or Japanese character is a word of its
 * own, since those scripts do not separate words with spaces.
 */
public final class WordIndex {
  private String folded;
  /** folded's characters: the cut reads every one of them, and an array spares String's checks per character. */
  private final char[] text;
  /** How many words; counted when asked (only tests do), -1 until then. */
  private int count = -1;
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

  private WordIndex(char[] text, Vocabulary vocabulary) {
    this.text = text;
    this.vocabulary = vocabulary;
    present = new long[(vocabulary.size() + 63) >>> 6];
  }

  /** The index of a folded text. */
  private static WordIndex cutFolded(String folded, Vocabulary vocabulary) {
    char[] a = new char[folded.length()];
    folded.getChars(0, a.length, a, 0);
    WordIndex w = new WordIndex(a, vocabulary);
    w.cut(false);
    w.folded = folded;
    return w;
  }

  /**
   * The index of a text not yet folded. ASCII (most mail) folds to its lower case: that is done in the pass that
   * cuts it, instead of a pass to find it is ASCII and another to lower it. Anything else is folded first.
   */
  private static WordIndex cutText(String s, Vocabulary vocabulary) {
    if (s == null) return cutFolded("", vocabulary);
    char[] a = new char[s.length()];
    s.getChars(0, a.length, a, 0);
    WordIndex w = new WordIndex(a, vocabulary);
    int lowered = w.cut(true);
    if (lowered < 0) return cutFolded(TextFolding.fold(s), vocabulary);
    w.folded = lowered == 0 ? s : new String(a); // as TextFolding gives it: the same string when nothing changed
    return w;
  }

  /**
   * Walks the vocabulary's automaton over the text and records the words it finds. With lower, ASCII capitals are
   * lowered in place as they are read; the result is then -1 if a character is not ASCII (the text needs {@link
   * TextFolding}), else non-zero when a capital was lowered.
   *
   * <p>One table step per character and no branch on where words begin or end: a text has a word end every five or
   * six characters, and cutting words with a branch at each (then hashing each word) mispredicted often enough to
   * cost twice this walk. Only a vocabulary word or prefix found, and characters beyond ASCII, leave the ASCII loop.
   */
  private int cut(boolean lower) {
    char[] a = text;
    int n = a.length, i = 0, state = Vocabulary.Automaton.ROOT, lowered = 0;
    Vocabulary.Automaton m = vocabulary.automaton;
    while (i < n) {
      long r = lower ? walkLowering(a, i, state, m.next, m.found) : walk(a, i, state, m.next, m.found);
      i = (int) r;
      state = (int) (r >>> 32) & Integer.MAX_VALUE;
      if (r < 0) lowered = 1;
      if (i == n) break;
      int c = a[i];
      if (c >= 0x80) {
        if (lower) return -1;
        // Text beyond ASCII comes in runs (a Chinese mail, a Russian one): stepped here until ASCII again.
        do state = beyondAscii(m, state, i); while (++i < n && a[i] >= 0x80);
        continue;
      }
      int to = m.next[state + CLASS[c]];
      found(m, state, to, i);
      state = to;
      if (lower && LOWER[c] != c) {
        a[i] = LOWER[c];
        lowered = 1;
      }
      i++;
    }
    wordEnds(m, state, n);
    return lowered;
  }

  /**
   * The ASCII steps from a[i] in state, up to the first character that is not ASCII or that finds something (or
   * the end): returns (state there << 32 | its position). A method of its own, with only the step in its loop:
   * written inside the larger method, the compiled walk was twice as slow in some runs of the JVM and not others.
   */
  private static long walk(char[] a, int i, int state, int[] next, int found) {
    for (; i < a.length; i++) {
      int c = a[i];
      if (c >= 0x80) break;
      int to = next[state + CLASS[c]];
      if (to >= found) break;
      state = to;
    }
    return (long) state << 32 | i;
  }

  /** The same, lowering ASCII capitals in place as it goes; the sign bit of the result tells it lowered one. */
  private static long walkLowering(char[] a, int i, int state, int[] next, int found) {
    int lowered = 0;
    for (; i < a.length; i++) {
      int c = a[i];
      if (c >= 0x80) break;
      int to = next[state + CLASS[c]];
      if (to >= found) break;
      int l = LOWER[c];
      lowered |= l ^ c;
      a[i] = (char) l;
      state = to;
    }
    return (lowered != 0 ? Long.MIN_VALUE : 0) | (long) state << 32 | i;
  }

  /** The step for a[i], not ASCII. */
  private int beyondAscii(Vocabulary.Automaton m, int state, int i) {
    char c = text[i];
    int to;
    if (!Character.isLetterOrDigit(c)) {
      to = m.next[state]; // a separator, as class 0
    } else if (c >= 0x2E80 && isCjk(c)) { // a word of its own: ends the one before
      wordEnds(m, state, i);
      int slot = vocabulary.words.find(text, i, i + 1, c);
      if (slot >= 0) hit(slot, i);
      int p = vocabulary.prefixes.find(text, i, i + 1, c);
      if (p >= 0) hit(p, i);
      return Vocabulary.Automaton.ROOT;
    } else {
      to = m.beyondAscii(state, c);
    }
    if (to >= m.found) found(m, state, to, i);
    return to;
  }

  /** Records what the step from state to the found state at a[i] found: the word that ended, or a prefix. */
  private void found(Vocabulary.Automaton m, int from, int state, int i) {
    if (state == m.found) {
      wordEnds(m, from, i);
    } else {
      int s = state / Vocabulary.Automaton.CLASSES;
      hit(m.prefixSlot[s], i + 1 - m.depth[s]);
    }
  }

  /** Records the word that ends before a[end] if state is at the end of a vocabulary word. */
  private void wordEnds(Vocabulary.Automaton m, int state, int end) {
    int s = state / Vocabulary.Automaton.CLASSES;
    if (m.wordSlot[s] >= 0) hit(m.wordSlot[s], end - m.depth[s]);
  }

  private void hit(int slot, int start) {
    if (hitCount + 2 > hits.length) hits = Arrays.copyOf(hits, Math.max(8, hits.length * 2));
    hits[hitCount++] = slot;
    hits[hitCount++] = start;
    present[slot >>> 6] |= 1L << slot;
  }

  /** Letters and digits: what words are made of. */
  private static boolean wordChar(char c) {
    return c < 0x80 ? CLASS[c] != 0 : Character.isLetterOrDigit(c);
  }

  private static final int[] EMPTY = new int[0];

  /** The automaton's class of each ASCII character: 0 for what separates words, a letter's (either case) or digit's own. */
  private static final byte[] CLASS = new byte[0x80];
  /** ASCII in lower case. */
  private static final char[] LOWER = new char[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      LOWER[c] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      char l = LOWER[c];
      CLASS[c] = (byte) (l >= 'a' && l <= 'z' ? 1 + l - 'a' : l >= '0' && l <= '9' ? 27 + l - '0' : 0);
    }
  }

  public static WordIndex of(String text) {
    return cutText(text, Vocabulary.NONE);
  }

  /**
   * An index that records where the vocabulary's words and prefixes occur: the first words of every configured
   * phrase. A long mail has thousands of distinct words and hashing them all into a map cost more than the rules
   * themselves.
   */
  public static WordIndex of(String text, Vocabulary vocabulary) {
    return cutText(text, vocabulary == null ? Vocabulary.NONE : vocabulary);
  }

  /** The same over a text already folded ({@link TextFolding#fold}), when the fold is kept for other tests too. */
  static WordIndex ofFolded(String folded, Vocabulary vocabulary) {
    return cutFolded(folded, vocabulary == null ? Vocabulary.NONE : vocabulary);
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
    WordIndex w = cutFolded(folded, Vocabulary.NONE);
    String[] out = new String[w.size()];
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
    if (count < 0) {
      int n = 0;
      for (int at = nextWord(0); at >= 0; at = nextWord(wordEnd(at))) n++;
      count = n;
    }
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
    if (pw.length == 0) return false;
    int slot = p.prefixAt(0) ? vocabulary.prefixSlot(pw[0]) : vocabulary.slot(pw[0]);
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

  /** Whether the phrase occurs from the word that starts at character at (its first word checked too). */
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

  /** The (vocabulary number, first character) pairs of {@link #hitCount()} ints, in text order. */
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
   * A fixed set of words, and of prefixes (first words of phrases ending in "*"), numbered 0..words-1 and the
   * prefixes after them: an automaton finds them in a text, hash tables by a string (a phrase's first word) or a
   * Chinese or Japanese character.
   */
  public static final class Vocabulary {
    private final Table words, prefixes;
    private final Automaton automaton;

    /** No words: an index without a vocabulary finds phrases by a scan. */
    static final Vocabulary NONE = new Vocabulary(java.util.Set.of(), java.util.Set.of());

    private Vocabulary(java.util.Set<String> words, java.util.Set<String> prefixes) {
      this.words = new Table(words, 0);
      this.prefixes = new Table(prefixes, words.size());
      this.automaton = new Automaton(this, words, prefixes);
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
     * The words and prefixes as a trie walked one character at a time, with the states a text can be in between
     * and after words. Each state is a row of next states by character class (0 separates words; each ASCII
     * letter, either case, and digit has its own), stored as the row's offset so that a step is one addition and
     * one load. States are numbered so that every state where something is found comes last: the walk tests one
     * number per character.
     *
     * <p>Words of letters beyond ASCII go through a map per character (rare in keywords and slower, correct);
     * Chinese and Japanese characters, words of their own, through the hash tables. A word that no folded text can
     * hold (capitals, spaces) is left out: it could never be found.
     */
    static final class Automaton {
      static final int CLASSES = 37;
      /** Between words, and at the start of one (the trie's root). */
      static final int ROOT = 0;
      /** Inside a word that has left the trie: nothing to find until a separator. */
      static final int PAST = CLASSES;

      final int[] next;
      /** The first state where something is found: the end of a vocabulary word (behaves as ROOT); prefixes after it. */
      final int found;
      /** By state number (offset / CLASSES): the vocabulary word it ends, the prefix it completes, its depth. */
      final int[] wordSlot, prefixSlot, depth;
      /** Steps on letters beyond ASCII: (state number << 16 | character) to the next state's offset. */
      private final Map<Long, Integer> beyond = new HashMap<>();

      Automaton(Vocabulary v, java.util.Set<String> words, java.util.Set<String> prefixes) {
        // The trie first, nodes numbered as made (0 is the root); then states renumbered with the prefix ends last.
        List<int[]> children = new ArrayList<>();
        List<Map<Character, Integer>> wide = new ArrayList<>();
        List<int[]> marks = new ArrayList<>(); // word slot, prefix slot, depth
        children.add(new int[CLASSES]);
        wide.add(new HashMap<>());
        marks.add(new int[] {-1, -1, 0});
        for (int pass = 0; pass < 2; pass++) {
          for (String w : pass == 0 ? words : prefixes) {
            if (!walkable(w)) continue;
            int node = 0;
            for (int k = 0; k < w.length(); k++) {
              char c = w.charAt(k);
              Integer child = c < 0x80 ? (Integer) children.get(node)[CLASS[c]] : wide.get(node).get(c);
              if (child == null || child == 0) {
                child = children.size();
                children.add(new int[CLASSES]);
                wide.add(new HashMap<>());
                marks.add(new int[] {-1, -1, k + 1});
                if (c < 0x80) children.get(node)[CLASS[c]] = child;
                else wide.get(node).put(c, child);
              }
              node = child;
            }
            if (pass == 0) marks.get(node)[0] = v.slot(w);
            else marks.get(node)[1] = v.prefixSlot(w);
          }
        }
        int nodes = children.size();
        int[] state = new int[nodes]; // node -> state number
        int n = 2; // ROOT, PAST
        for (int node = 1; node < nodes; node++) if (marks.get(node)[1] < 0) state[node] = n++;
        int wordEnd = n++;
        for (int node = 1; node < nodes; node++) if (marks.get(node)[1] >= 0) state[node] = n++;
        next = new int[n * CLASSES];
        wordSlot = new int[n];
        prefixSlot = new int[n];
        depth = new int[n];
        Arrays.fill(wordSlot, -1);
        Arrays.fill(prefixSlot, -1);
        found = wordEnd * CLASSES;
        for (int node = 0; node < nodes; node++) {
          int s = state[node], row = s * CLASSES;
          int[] m = marks.get(node);
          wordSlot[s] = m[0];
          prefixSlot[s] = m[1];
          depth[s] = m[2];
          next[row] = m[0] >= 0 ? found : ROOT;
          for (int k = 1; k < CLASSES; k++) {
            int child = children.get(node)[k];
            next[row + k] = child == 0 ? PAST : state[child] * CLASSES;
          }
          for (Map.Entry<Character, Integer> e : wide.get(node).entrySet()) {
            beyond.put((long) s << 16 | e.getKey(), state[e.getValue()] * CLASSES);
          }
        }
        for (int k = 1; k < CLASSES; k++) next[PAST + k] = PAST;
        // The end of a word is between words again: the next character starts the next word at the root.
        System.arraycopy(next, ROOT, next, found, CLASSES);
        next[found] = ROOT;
      }

      /** Whether a text's word can equal w: letters and digits only, ASCII ones in lower case, no CJK character. */
      private static boolean walkable(String w) {
        if (w.isEmpty()) return false;
        for (int k = 0; k < w.length(); k++) {
          char c = w.charAt(k);
          if (c < 0x80 ? CLASS[c] == 0 || c != LOWER[c] : !Character.isLetterOrDigit(c) || c >= 0x2E80 && isCjk(c)) {
            return false;
          }
        }
        return true;
      }

      /** The step from state on c, a letter or digit beyond ASCII and not CJK. */
      int beyondAscii(int state, char c) {
        if (state == PAST || beyond.isEmpty()) return PAST;
        int s = state == found ? ROOT : state / CLASSES;
        Integer to = beyond.get((long) s << 16 | c);
        return to == null ? PAST : to;
      }
    }

    /** One open addressing table, and a bit per hash (its low bits) that some entry has: most lookups miss. */
    private static final class Table {
      private final String[] table;
      private final int[] slotOf, hashOf;
      private final long[] filter;
      private final int mask, filterMask, size;

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
        int n = 0;
        for (String w : words) {
          int h = w.hashCode(), i = h & mask;
          while (table[i] != null) i = (i + 1) & mask;
          table[i] = w;
          hashOf[i] = h;
          slotOf[i] = first + n++;
          filter[(h >>> 6) & filterMask] |= 1L << h;
        }
        size = n;
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
