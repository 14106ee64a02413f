package io.helpdeskmail.mail;

/**
 * Lower case of upper case, character by character: how java.util.regex compares characters case-insensitively
 * (its Unicode-case slices fold exactly so; ASCII-only case is a subset), one character per character, so
 * positions in the result are positions in the text. The regex prefilters of machine-mail detection and of rules
 * search folded text for the words a pattern needs.
 */
public final class CaseFold {
  private CaseFold() {}

  public static String of(String s) {
    char[] out = new char[s.length()];
    for (int i = 0; i < out.length; i++) {
      char c = s.charAt(i);
      // ASCII folds within ASCII (upper then lower case is lower case): no case tables for most of a mail's text
      out[i] = c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(Character.toUpperCase(c));
    }
    return new String(out);
  }
}
