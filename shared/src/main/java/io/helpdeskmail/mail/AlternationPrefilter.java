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

  private AlternationPrefilter(Pattern pattern, String[] words) {
    this.pattern = pattern;
    this.words = words;
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

  Pattern pattern() {
    return pattern;
  }

  /** False only when no match is possible in text. */
  boolean mayMatch(String text) {
    if (words == null) return true;
    String folded = CaseFold.of(text);
    for (String w : words) if (folded.contains(w)) return true;
    return false;
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
