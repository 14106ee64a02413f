package io.helpdeskmail.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The plain words one of which every match of a pattern must contain, read from the pattern's start: a literal
 * ("SUB-[0-9]{8}" needs "sub-") or a group of literal alternatives ("(?:order|commande)..." needs "order" or
 * "commande"). Folded like texts are. Empty when the pattern does not start that way (then nothing is skipped).
 */
final class RegexLiterals {
  private static final String META = "\\.[]{}()*+?^$|";

  private RegexLiterals() {}

  /**
   * The run of digits every match starts with, when the pattern (after anchors and boundaries, possibly inside a
   * group) starts with [0-9]{n} or \\d{n} (n or more with {n,}): an IMEI or order-number pattern cannot match text
   * without n digits in a row. 0 when the pattern starts otherwise.
   */
  static int requiredDigits(String pattern) {
    int i = 0;
    List<Integer> groups = new ArrayList<>(); // where each group we step into opens
    while (true) {
      if (pattern.startsWith("^", i)) i += 1;
      else if (pattern.startsWith("\\b", i)) i += 2;
      else if (pattern.startsWith("(?:", i)) {
        groups.add(i);
        i += 3;
      } else if (pattern.startsWith("(?<", i) && !pattern.startsWith("(?<=", i) && !pattern.startsWith("(?<!", i)
          && pattern.indexOf('>', i) > 0) {
        groups.add(i);
        i = pattern.indexOf('>', i) + 1;
      } else if (pattern.startsWith("(", i) && !pattern.startsWith("(?", i)) {
        groups.add(i);
        i += 1;
      } else break;
    }
    // Every group we stepped into must be neither optional nor an alternation ("(\\b[0-9]{6}|x)" matches "x").
    for (int open : groups) {
      int end = closing(pattern, open);
      if (end < 0 || topLevelAlternation(pattern.substring(open + 1, end))
          || end + 1 < pattern.length() && "?*{".indexOf(pattern.charAt(end + 1)) >= 0) return 0;
    }
    if (topLevelAlternation(pattern)) return 0;
    int k;
    if (pattern.startsWith("[0-9]{", i)) k = i + 6;
    else if (pattern.startsWith("\\d{", i)) k = i + 3;
    else return 0;
    int j = k;
    while (j < pattern.length() && Character.isDigit(pattern.charAt(j))) j++;
    if (j == k || j >= pattern.length() || pattern.charAt(j) != '}' && pattern.charAt(j) != ',') return 0;
    return Integer.parseInt(pattern, k, j, 10);
  }

  /**
   * Whether the text has at least n ASCII digits in a row. Every run of n holds one of the characters at n-1,
   * 2n-1, 3n-1...: only those are read, and around the digits among them; a fifteen-digit IMEI pattern reads one
   * character in fifteen of a mail without long numbers, instead of every one.
   */
  static boolean hasDigitRun(String text, int n) {
    if (n <= 1) return plainDigitRun(text, n);
    int len = text.length();
    for (int p = n - 1; p < len; p += n) {
      if (!digit(text.charAt(p))) continue;
      int from = p, to = p + 1;
      while (from > 0 && p - from < n - 1 && digit(text.charAt(from - 1))) from--;
      while (to < len && to - from < n && digit(text.charAt(to))) to++;
      if (to - from >= n) return true;
    }
    return false;
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The same, reading every character: what {@link #hasDigitRun} must agree with. */
  static boolean plainDigitRun(String text, int n) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++run >= n) return true;
      } else {
        run = 0;
      }
    }
    return false;
  }

  static List<String> required(String pattern) {
    List<String> raw = requiredAsWritten(pattern);
    List<String> out = new ArrayList<>(raw.size());
    for (String r : raw) out.add(TextFolding.fold(r));
    return out;
  }

  /**
   * The same words as written in the pattern. Every match starts with one of them (after anchors and
   * boundaries), in the case-insensitive sense of {@link io.helpdeskmail.mail.CaseFold}.
   */
  static List<String> requiredAsWritten(String pattern) {
    if (topLevelAlternation(pattern)) return List.of(); // "order|commande": either side alone can match
    int i = 0;
    while (true) { // what matches no text: anchors and boundaries
      if (pattern.startsWith("^", i)) i += 1;
      else if (pattern.startsWith("\\b", i)) i += 2;
      else if (pattern.startsWith("(?i)", i)) i += 4;
      else break;
    }
    List<String> out = new ArrayList<>();
    if (pattern.startsWith("(", i)) {
      int body = pattern.startsWith("(?:", i) ? i + 3 : pattern.startsWith("(?<", i) && pattern.indexOf('>', i) > 0
          && !pattern.startsWith("(?<=", i) && !pattern.startsWith("(?<!", i) ? pattern.indexOf('>', i) + 1
          : pattern.startsWith("(?", i) ? -1 : i + 1;
      if (body < 0) return List.of();
      int end = closing(pattern, i);
      if (end < 0 || end + 1 < pattern.length() && "?*{".indexOf(pattern.charAt(end + 1)) >= 0) return List.of();
      if (!topLevelAlternation(pattern.substring(body, end))) {
        return requiredAsWritten(pattern.substring(body)); // one mandatory alternative: what it starts with is required
      }
      int close = body;
      StringBuilder lit = new StringBuilder();
      for (; close < pattern.length(); close++) {
        char c = pattern.charAt(close);
        if (c == '|' || c == ')') {
          if (lit.length() < 2) return List.of();
          out.add(lit.toString());
          lit.setLength(0);
          if (c == ')') break;
        } else if (META.indexOf(c) >= 0) {
          return List.of(); // not a plain alternative
        } else {
          lit.append(c);
        }
      }
      if (close >= pattern.length()) return List.of();
      if (close + 1 < pattern.length() && "?*{".indexOf(pattern.charAt(close + 1)) >= 0) return List.of(); // optional
      return out;
    }
    StringBuilder lit = new StringBuilder();
    int k = i;
    for (; k < pattern.length() && META.indexOf(pattern.charAt(k)) < 0; k++) lit.append(pattern.charAt(k));
    // A quantifier after the run makes its last character optional ("colou?r" needs only "colo").
    if (k < pattern.length() && "?*{".indexOf(pattern.charAt(k)) >= 0 && lit.length() > 0) lit.setLength(lit.length() - 1);
    return lit.length() >= 2 ? List.of(lit.toString()) : List.of();
  }

  /** Index of the parenthesis closing the one at open, or -1. */
  private static int closing(String p, int open) {
    return scan(p, open, false);
  }

  private static boolean topLevelAlternation(String p) {
    return scan(p, 0, true) >= 0;
  }

  /**
   * Walks a pattern outside escapes and character classes: returns the index where the parenthesis depth falls
   * back to zero (a group's end), or with alternation, the first "|" at depth zero; -1 when there is none.
   */
  private static int scan(String p, int from, boolean alternation) {
    int depth = 0;
    boolean inClass = false;
    for (int i = from; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        if (c == ']') inClass = false;
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (--depth == 0 && !alternation) return i;
      } else if (c == '|' && depth == 0 && alternation) {
        return i;
      }
    }
    return -1;
  }
}
