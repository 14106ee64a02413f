package io.helpdeskmail.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A cheap "cannot match" test for a case-insensitive alternation of phrases: for each alternative, words one of
 * which every match of it must contain. A text containing none of them is skipped without running the regex,
 * which tries every alternative at every position (about a millisecond on an 8,000-character bounce body).
 * When some alternative has no such word the filter lets every text through.
 */
final class AlternationPrefilter {
  private static final String QUANTIFIERS = "?*{";
  private final Pattern pattern;
  /** Folded words; null when the pattern cannot be filtered. */
  private final String[] words;
  /** For {@link #anchored}: the folded literal each alternative opens with; null for a filter of the other kind. */
  private final String[] starts;
  /** The first characters of the starts that open the text, folded and distinct, and those starts by them. */
  private final String firstChars;
  private final String[][] byFirst;
  /** The starts that follow the text's first word (their alternatives open with "\w+"). */
  private final String[] wordStarts;

  private AlternationPrefilter(Pattern pattern, String[] words) {
    this(pattern, words, null, null);
  }

  private AlternationPrefilter(Pattern pattern, String[] words, String[] starts, boolean[] afterWord) {
    this.pattern = pattern;
    this.words = words;
    this.starts = starts;
    StringBuilder first = new StringBuilder();
    List<List<String>> groups = new ArrayList<>();
    List<String> afterWords = new ArrayList<>();
    for (int k = 0; starts != null && k < starts.length; k++) {
      if (afterWord[k]) {
        afterWords.add(starts[k]);
        continue;
      }
      int g = first.indexOf(String.valueOf(starts[k].charAt(0)));
      if (g < 0) {
        g = first.length();
        first.append(starts[k].charAt(0));
        groups.add(new ArrayList<>());
      }
      groups.get(g).add(starts[k]);
    }
    this.firstChars = first.toString();
    this.byFirst = new String[groups.size()][];
    for (int g = 0; g < byFirst.length; g++) byFirst[g] = groups.get(g).toArray(new String[0]);
    this.wordStarts = afterWords.toArray(new String[0]);
  }

  static AlternationPrefilter of(List<String> alternatives, int flags) {
    Pattern p = Pattern.compile(String.join("|", alternatives), flags);
    List<String> words = new ArrayList<>();
    for (String alt : alternatives) {
      List<String> need = required(alt);
      if (need.isEmpty()) return new AlternationPrefilter(p, null);
      for (String w : need) words.add(CaseFold.of(w));
    }
    return new AlternationPrefilter(p, words.toArray(new String[0]));
  }

  /**
   * A filter for an alternation used at the start of a text only (lookingAt or matches): every alternative must
   * open with a literal, or with "\w+" and then a literal, so a text can be judged by its first characters,
   * where {@link #of} folds and searches all of it. Tail lines of every mail run such a pattern, and the
   * alternation, which tries each alternative's first letter in turn, cost more than the rest of their checks.
   *
   * @throws IllegalArgumentException when an alternative opens otherwise, when a literal after "\w+" opens with
   *     a letter, digit or underscore, or with UNICODE_CHARACTER_CLASS or COMMENTS (they change what "\w" and a
   *     space match)
   */
  static AlternationPrefilter anchored(List<String> alternatives, int flags) {
    if ((flags & (Pattern.UNICODE_CHARACTER_CLASS | Pattern.COMMENTS)) != 0) {
      throw new IllegalArgumentException("flags change what \\w or a space matches");
    }
    Pattern p = Pattern.compile(String.join("|", alternatives), flags);
    String[] starts = new String[alternatives.size()];
    boolean[] afterWord = new boolean[starts.length];
    for (int k = 0; k < starts.length; k++) {
      String alt = alternatives.get(k);
      afterWord[k] = alt.startsWith("\\w+");
      String lead = leadingLiteral(afterWord[k] ? alt.substring(3) : alt);
      if (lead.isEmpty() || afterWord[k] && isWordChar(lead.charAt(0))) {
        throw new IllegalArgumentException("no leading literal to test: " + alt);
      }
      starts[k] = CaseFold.of(lead);
    }
    return new AlternationPrefilter(p, null, starts, afterWord);
  }

  /**
   * The literal characters an alternative opens with, up to its first group, class, escape or quantified
   * character: every match of it starts with them.
   */
  static String leadingLiteral(String alt) {
    StringBuilder lead = new StringBuilder();
    for (int i = 0; i < alt.length(); i++) {
      char c = alt.charAt(i);
      boolean literal = Character.isLetterOrDigit(c) || c == ' ' || c == '\'' || c == '-' || c == ':';
      if (!literal || i + 1 < alt.length() && (QUANTIFIERS + "+").indexOf(alt.charAt(i + 1)) >= 0) break;
      lead.append(c);
    }
    return lead.toString();
  }

  Pattern pattern() {
    return pattern;
  }

  /** False only when no match is possible in text (at its start, for an {@link #anchored} filter). */
  boolean mayMatch(String text) {
    if (starts != null) return mayMatchFrom(text, 0);
    if (words == null) return true;
    String folded = CaseFold.of(text);
    for (String w : words) if (folded.contains(w)) return true;
    return false;
  }

  /**
   * For an {@link #anchored} filter: false only when no match can start at from. String.regionMatches with
   * ignoreCase treats two characters as equal when their folds are equal, as the pattern does (and, without
   * UNICODE_CASE, more often): it never misses a start the pattern would match.
   */
  boolean mayMatchFrom(String text, int from) {
    if (starts == null) throw new IllegalStateException("not an anchored filter");
    if (from >= text.length()) return false;
    int g = firstChars.indexOf(CaseFold.of(text.charAt(from))); // most texts open with a letter no start does
    if (g >= 0) {
      for (String s : byFirst[g]) if (text.regionMatches(true, from, s, 0, s.length())) return true;
    }
    if (wordStarts.length == 0) return false;
    int word = firstWordEnd(text, from);
    if (word == from) return false;
    for (String s : wordStarts) if (text.regionMatches(true, word, s, 0, s.length())) return true;
    return false;
  }

  /**
   * Where the text's first run of letters, digits and underscores ends. "\w" matches a subset of these, so a
   * match of "\w+" at the start ends here or earlier, and earlier only before a letter or digit, which the
   * literal that must follow it does not open with (see {@link #anchored}).
   */
  private static int firstWordEnd(String text, int from) {
    int i = from;
    while (i < text.length() && isWordChar(text.charAt(i))) i++;
    return i;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /**
   * What every match of one alternative contains: its longest literal run outside groups (3 characters at
   * least), or a group of plain literal choices ("(?:unknown|rejected)") whose shortest choice is longer. Empty
   * when the alternative offers neither.
   */
  static List<String> required(String alt) {
    List<String> best = List.of();
    int bestLength = 2;
    StringBuilder run = new StringBuilder();
    for (int i = 0; i < alt.length(); i++) {
      char c = alt.charAt(i);
      if (c == '(') {
        int end = closing(alt, i);
        if (end < 0) return List.of();
        List<String> choices = plainChoices(alt, i, end);
        boolean optional = end + 1 < alt.length() && QUANTIFIERS.indexOf(alt.charAt(end + 1)) >= 0;
        int shortest = Integer.MAX_VALUE;
        for (String ch : choices) shortest = Math.min(shortest, ch.length());
        if (!optional && !choices.isEmpty() && shortest > bestLength) {
          best = choices;
          bestLength = shortest;
        }
        if (run.length() > bestLength) {
          best = List.of(run.toString());
          bestLength = run.length();
        }
        run.setLength(0);
        i = end;
        continue;
      }
      boolean literal = Character.isLetterOrDigit(c) || c == ' ' || c == '\'' || c == '-' || c == ':';
      boolean quantified = i + 1 < alt.length() && QUANTIFIERS.indexOf(alt.charAt(i + 1)) >= 0;
      if (literal && !quantified) {
        run.append(c);
        continue;
      }
      if (run.length() > bestLength) {
        best = List.of(run.toString());
        bestLength = run.length();
      }
      run.setLength(0);
      if (c == '[') {
        int close = alt.indexOf(']', i);
        if (close < 0) return List.of();
        i = close;
      } else if (c == '\\') {
        i++; // an escaped character ends the run
      }
    }
    if (run.length() > bestLength) best = List.of(run.toString());
    return best;
  }

  /** The choices of a group "(?:a|b)" or "(a|b)" when each is plain text; empty otherwise. */
  private static List<String> plainChoices(String alt, int open, int close) {
    int body = alt.startsWith("(?:", open) ? open + 3 : alt.startsWith("(?", open) ? -1 : open + 1;
    if (body < 0) return List.of();
    List<String> out = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    for (int i = body; i <= close; i++) {
      char c = i == close ? '|' : alt.charAt(i);
      if (c == '|') {
        out.add(lit.toString());
        lit.setLength(0);
      } else if (Character.isLetterOrDigit(c) || c == ' ' || c == '\'' || c == '-') {
        lit.append(c);
      } else {
        return List.of();
      }
    }
    return out;
  }

  private static int closing(String p, int open) {
    int depth = 0;
    for (int i = open; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
