package io.helpdeskmail.mail;

/**
 * Lower case of upper case, character by character: how java.util.regex compares characters case-insensitively
 * (its Unicode-case slices fold exactly so; ASCII-only case is a subset), one character per character, so
 * positions in the result are positions in the text. The regex prefilters of machine-mail detection and of rules
 * search folded text for the words a pattern needs.
 */
public final class CaseFold {
  private CaseFold() {}

  /**
   * One character folded as {@link #of(String)} folds each. ASCII, most of any mail, folds to its lower case:
   * answered without the two look-ups of Character's case tables, which were most of folding a bounce's text.
   */
  public static char of(char c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  public static String of(String s) {
    char[] out = new char[s.length()];
    for (int i = 0; i < out.length; i++) out[i] = of(s.charAt(i));
    return new String(out);
  }
}
