package io.helpdeskmail.adapter.tika;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The characters (0-255, as Tika decodes bytes in ISO-8859-1) a {@code java.util.regex} match can start with, so
 * that a regex magic of Tika's needs evaluating only where one of them occurs. Reads the common subset of the
 * syntax: literals, escapes, classes, groups, alternation and quantifiers. Anything else, and any regex that may
 * match the empty string, gives null ("could start anywhere"): a wrong answer here would hide a match, so the
 * reader only ever widens.
 */
final class RegexStart {
  private final String re;
  private int i;
  private boolean ignoreCase;

  /**
   * What a piece of regex can match: the characters it can start with, whether it can match empty, the sets for
   * the first few positions every match fills (a run of one-character atoms), and its width when fixed (else -1).
   */
  private record Part(BitSet first, boolean nullable, List<BitSet> fixed, int width) {
    static Part one(BitSet set) {
      return new Part(set, false, List.of(set), 1);
    }

    static Part zeroWidth() {
      return new Part(new BitSet(256), true, List.of(), 0);
    }

    static Part open(BitSet first, boolean nullable) {
      return new Part(first, nullable, List.of(), -1);
    }

    boolean complete() {
      return width >= 0 && fixed.size() == width;
    }
  }

  /** No regex of Tika's needs more positions than this to be told apart. */
  private static final int MAX_FIXED = 16;

  /** Thrown for syntax this reader does not follow; the caller then assumes any start. */
  private static final class Unreadable extends RuntimeException {
    Unreadable() {
      super(null, null, false, false);
    }
  }

  private RegexStart(String re, boolean ignoreCase) {
    this.re = re;
    this.ignoreCase = ignoreCase;
  }

  /**
   * The character sets every match fills from its first position on (at least the first), or null when the regex
   * may match empty or uses syntax not read here.
   */
  static List<BitSet> prefix(String regex, boolean ignoreCase) {
    RegexStart r = new RegexStart(regex, ignoreCase);
    try {
      Part p = r.alternation();
      if (r.i != regex.length() || p.nullable()) return null;
      List<BitSet> sets = new ArrayList<>();
      for (BitSet fixed : p.fixed().isEmpty() ? List.of(p.first()) : p.fixed()) {
        BitSet set = (BitSet) fixed.clone();
        // (?i) anywhere widens every set: simpler than tracking where the flag applies, and still a superset.
        // Without UNICODE_CASE, Java folds case for US-ASCII only.
        if (r.ignoreCase) {
          for (int c = 'a'; c <= 'z'; c++) {
            if (set.get(c) || set.get(c - 32)) {
              set.set(c);
              set.set(c - 32);
            }
          }
        }
        sets.add(set);
      }
      return sets;
    } catch (Unreadable | IndexOutOfBoundsException | NumberFormatException e) {
      return null;
    }
  }

  /** The first characters only: null when the regex may match empty or is not read here. */
  static BitSet firstChars(String regex, boolean ignoreCase) {
    List<BitSet> sets = prefix(regex, ignoreCase);
    return sets == null ? null : sets.get(0);
  }

  private boolean more() {
    return i < re.length();
  }

  private char peek() {
    return re.charAt(i);
  }

  private Part alternation() {
    Part acc = sequence();
    while (more() && peek() == '|') {
      i++;
      Part next = sequence();
      BitSet first = (BitSet) acc.first().clone();
      first.or(next.first());
      List<BitSet> fixed = new ArrayList<>();
      for (int k = 0; k < Math.min(acc.fixed().size(), next.fixed().size()); k++) {
        BitSet either = (BitSet) acc.fixed().get(k).clone();
        either.or(next.fixed().get(k));
        fixed.add(either);
      }
      acc = new Part(first, acc.nullable() || next.nullable(), fixed, acc.width() == next.width() ? acc.width() : -1);
    }
    return acc;
  }

  private Part sequence() {
    BitSet first = new BitSet(256);
    boolean nullable = true;
    List<BitSet> fixed = new ArrayList<>();
    boolean fixedOpen = true;
    int width = 0;
    while (more() && peek() != '|' && peek() != ')') {
      Part p = quantified();
      if (nullable) {
        first.or(p.first());
        nullable = p.nullable();
      }
      if (fixedOpen) {
        for (BitSet set : p.fixed()) if (fixed.size() < MAX_FIXED) fixed.add(set);
        fixedOpen = p.complete();
      }
      width = width < 0 || p.width() < 0 ? -1 : width + p.width();
    }
    return new Part(first, nullable, fixed, width);
  }

  private Part quantified() {
    Part p = atom();
    if (!more()) return p;
    char c = peek();
    if (c == '*' || c == '?') {
      i++;
      p = Part.open(p.first(), true);
    } else if (c == '+') {
      i++;
      p = new Part(p.first(), p.nullable(), p.fixed(), -1); // the first repetition's positions still hold
    } else if (c == '{') {
      int close = re.indexOf('}', i);
      if (close < 0) throw new Unreadable();
      String body = re.substring(i + 1, close);
      int comma = body.indexOf(',');
      int min = Integer.parseInt((comma < 0 ? body : body.substring(0, comma)).trim());
      int max = comma < 0 ? min : body.substring(comma + 1).isBlank() ? -1 : Integer.parseInt(body.substring(comma + 1));
      i = close + 1;
      if (min == 0) {
        p = Part.open(p.first(), true);
      } else if (min == max && p.complete()) {
        List<BitSet> fixed = new ArrayList<>();
        for (int k = 0; k < min && fixed.size() < MAX_FIXED; k++) fixed.addAll(p.fixed());
        p = new Part(p.first(), p.nullable(), fixed.subList(0, Math.min(fixed.size(), MAX_FIXED)), min * p.width());
      } else {
        p = new Part(p.first(), p.nullable(), p.fixed(), -1);
      }
    } else {
      return p;
    }
    if (more() && (peek() == '?' || peek() == '+')) i++; // lazy or possessive: same characters
    if (more() && (peek() == '*' || peek() == '+' || peek() == '?' || peek() == '{')) throw new Unreadable();
    return p;
  }

  private Part atom() {
    char c = re.charAt(i++);
    switch (c) {
      case '(' -> {
        return group();
      }
      case '[' -> {
        return Part.one(charClass());
      }
      case '.' -> {
        BitSet all = new BitSet(256);
        all.set(0, 256);
        return Part.one(all);
      }
      case '^', '$' -> {
        return Part.zeroWidth();
      }
      case '\\' -> {
        return escape(false);
      }
      case '*', '+', '?', ')' -> throw new Unreadable();
      default -> {
        return Part.one(single(c));
      }
    }
  }

  private Part group() {
    boolean zeroWidth = false;
    if (more() && peek() == '?') {
      i++;
      char c = re.charAt(i++);
      if (c == '=' || c == '!') {
        zeroWidth = true; // lookahead: consumes nothing
      } else if (c == '<' && (peek() == '=' || peek() == '!')) {
        i++;
        zeroWidth = true; // lookbehind
      } else if (c == '<') {
        while (Character.isLetterOrDigit(peek())) i++; // named group
        if (re.charAt(i++) != '>') throw new Unreadable();
      } else if (c != ':' && c != '>') {
        i--;
        while (more() && (Character.isLetter(peek()) || peek() == '-')) {
          char f = re.charAt(i++);
          if (f == 'i') ignoreCase = true;
          else if (f != 's' && f != 'm' && f != 'd' && f != '-') throw new Unreadable(); // x, u, U change reading
        }
        char end = re.charAt(i++);
        if (end == ')') return Part.zeroWidth(); // flags only
        if (end != ':') throw new Unreadable();
      }
    }
    Part inner = alternation();
    if (re.charAt(i++) != ')') throw new Unreadable();
    return zeroWidth ? Part.zeroWidth() : inner;
  }

  private BitSet charClass() {
    boolean negate = false;
    if (peek() == '^') {
      negate = true;
      i++;
    }
    BitSet set = new BitSet(256);
    boolean firstItem = true;
    while (true) {
      char c = re.charAt(i);
      if (c == ']') {
        if (firstItem) throw new Unreadable();
        i++;
        break;
      }
      if (c == '[' || c == '&' && re.charAt(i + 1) == '&') throw new Unreadable(); // unions, intersections
      firstItem = false;
      int lo = classChar(set);
      if (lo < 0) continue; // a shorthand like \d, already added
      if (peek() == '-' && re.charAt(i + 1) != ']') {
        i++;
        BitSet ignored = new BitSet(256);
        int hi = classChar(ignored);
        if (hi < 0 || hi < lo) throw new Unreadable();
        set.set(lo, Math.min(hi, 255) + 1);
      } else if (lo <= 255) {
        set.set(lo);
      }
    }
    if (negate) set.flip(0, 256);
    return set;
  }

  /** One class member: its character (above 255 for one no decoded byte can be), or -1 after adding a shorthand. */
  private int classChar(BitSet set) {
    char c = re.charAt(i++);
    if (c != '\\') return c;
    if (isShorthand(peek())) {
      set.or(escape(true).first());
      return -1;
    }
    BitSet one = escape(true).first();
    return one.isEmpty() ? 256 : one.nextSetBit(0);
  }

  private static boolean isShorthand(char c) {
    return "dDsSwW".indexOf(c) >= 0;
  }

  private Part escape(boolean inClass) {
    char c = re.charAt(i++);
    return switch (c) {
      case 'x' -> {
        if (peek() == '{') throw new Unreadable();
        int v = Integer.parseInt(re.substring(i, i + 2), 16);
        i += 2;
        yield Part.one(single(v));
      }
      case 'u' -> {
        int v = Integer.parseInt(re.substring(i, i + 4), 16);
        i += 4;
        yield Part.one(single(v));
      }
      case 't' -> Part.one(single('\t'));
      case 'n' -> Part.one(single('\n'));
      case 'r' -> Part.one(single('\r'));
      case 'f' -> Part.one(single('\f'));
      case 'a' -> Part.one(single(7));
      case 'e' -> Part.one(single(27));
      // Without UNICODE_CHARACTER_CLASS these are the ASCII classes.
      case 'd', 'D' -> Part.one(shorthand("0123456789", c == 'D'));
      case 's', 'S' -> Part.one(shorthand(" \t\n\u000B\f\r", c == 'S'));
      case 'w', 'W' -> Part.one(shorthand(
          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789", c == 'W'));
      case '0' -> Part.one(single(octal()));
      case '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
        // A back reference: any characters, or none. Only matters when nothing before it must match, and then
        // the whole set is already every character.
        if (inClass) throw new Unreadable();
        BitSet all = new BitSet(256);
        all.set(0, 256);
        yield Part.open(all, true);
      }
      case 'b', 'B', 'A', 'G', 'Z', 'z' -> {
        if (inClass) throw new Unreadable();
        yield Part.zeroWidth();
      }
      default -> {
        if (Character.isLetterOrDigit(c)) throw new Unreadable(); // \p, \Q, \h, \R, \k, \c...
        yield Part.one(single(c)); // an escaped metacharacter stands for itself
      }
    };
  }

  /** Java's \\0n, \\0nn and \\0mnn (m at most 3). */
  private int octal() {
    int n = octalDigit();
    if (n < 0) throw new Unreadable();
    int m = octalDigit();
    if (m < 0) return n;
    int o = octalDigit();
    if (o < 0) return n * 8 + m;
    if (n > 3) {
      i--;
      return n * 8 + m;
    }
    return n * 64 + m * 8 + o;
  }

  private int octalDigit() {
    if (!more() || peek() < '0' || peek() > '7') return -1;
    return re.charAt(i++) - '0';
  }

  /** A one-character set; empty for characters beyond ISO-8859-1, which no decoded byte can be. */
  private static BitSet single(int c) {
    BitSet s = new BitSet(256);
    if (c <= 255) s.set(c);
    return s;
  }

  private static BitSet shorthand(String members, boolean negate) {
    BitSet s = new BitSet(256);
    for (int k = 0; k < members.length(); k++) s.set(members.charAt(k));
    if (negate) s.flip(0, 256);
    return s;
  }
}
