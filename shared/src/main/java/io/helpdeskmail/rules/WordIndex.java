package io.helpdeskmail.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A text folded once ({@link TextFolding}) and cut into words, with each word's positions: a keyword phrase is then
 * one hash lookup plus a check of the words after it, however many rules and lexicon entries ask. Words are runs
 * of letters and digits; every Chinese or Japanese character is a word of its own, since those scripts do not
 * separate words with spaces.
 */
public final class WordIndex {
  private final String[] words;
  private Map<String, int[]> positions;

  private WordIndex(String[] words) {
    this.words = words;
  }

  public static WordIndex of(String text) {
    return new WordIndex(words(TextFolding.fold(text)));
  }

  static String[] words(String folded) {
    List<String> out = new ArrayList<>();
    int n = folded.length();
    int start = -1;
    for (int i = 0; i < n; i++) {
      char c = folded.charAt(i);
      boolean letter = c < 0x80 ? (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')
          : Character.isLetterOrDigit(c);
      if (letter && c >= 0x2E80 && isCjk(c)) {
        if (start >= 0) out.add(folded.substring(start, i));
        out.add(String.valueOf(c));
        start = -1;
      } else if (letter) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        out.add(folded.substring(start, i));
        start = -1;
      }
    }
    if (start >= 0) out.add(folded.substring(start));
    return out.toArray(String[]::new);
  }

  private static boolean isCjk(char c) {
    Character.UnicodeScript s = Character.UnicodeScript.of(c);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA;
  }

  public int size() {
    return words.length;
  }

  /** Whether the phrase occurs as whole words, in order, next to each other. */
  public boolean contains(Phrase p) {
    String[] pw = p.words();
    if (pw.length == 0 || words.length < pw.length) return false;
    if (p.prefixAt(0)) {
      for (int i = 0; i + pw.length <= words.length; i++) if (matchesAt(p, i)) return true;
      return false;
    }
    int[] at = positions().get(pw[0]);
    if (at == null) return false;
    for (int i : at) if (i + pw.length <= words.length && matchesAt(p, i)) return true;
    return false;
  }

  private boolean matchesAt(Phrase p, int i) {
    String[] pw = p.words();
    for (int k = 0; k < pw.length; k++) {
      String w = words[i + k];
      if (p.prefixAt(k) ? !w.startsWith(pw[k]) : !w.equals(pw[k])) return false;
    }
    return true;
  }

  private Map<String, int[]> positions() {
    if (positions == null) {
      Map<String, int[]> m = new HashMap<>(words.length * 2);
      for (int i = 0; i < words.length; i++) {
        int[] prev = m.get(words[i]);
        if (prev == null) {
          m.put(words[i], new int[] {i});
        } else {
          int[] next = Arrays.copyOf(prev, prev.length + 1);
          next[prev.length] = i;
          m.put(words[i], next);
        }
      }
      positions = m;
    }
    return positions;
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
      return new Phrase(source, folded.strip(), ws.toArray(String[]::new), mask);
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
