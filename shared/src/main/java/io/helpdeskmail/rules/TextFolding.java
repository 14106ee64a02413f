package io.helpdeskmail.rules;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Case and accent folding for keyword matching: "Téléphone", "TELEPHONE" and "telephone" are one word, "Œuvre"
 * is "oeuvre", "Straße" is "strasse". Customers type without accents on phones and with them on desktops; a
 * keyword list written once must catch both, in every language the shop serves.
 */
public final class TextFolding {
  private TextFolding() {}

  public static String fold(String s) {
    if (s == null) return "";
    int n = s.length();
    int i = 0;
    // Most mail is ASCII: lower-case it without the Unicode normalizer.
    while (i < n) {
      char c = s.charAt(i);
      if (c >= 0x80) break;
      i++;
    }
    if (i == n) return asciiLower(s);
    String latin = latin(s);
    if (latin != null) return latin;
    return normalized(s, i);
  }

  /** The fold through the normalizer, s[0, from) being ASCII; what {@link #latin} must agree with. */
  static String normalized(String s, int from) {
    int i = from;
    StringBuilder out = new StringBuilder(s.length());
    boolean kana = false;
    out.append(asciiLower(s.substring(0, i)));
    String rest = Normalizer.normalize(s.substring(i), Normalizer.Form.NFKD);
    for (int k = 0; k < rest.length(); k++) {
      char c = rest.charAt(k);
      if (c < 0x80) {
        out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        continue;
      }
      if (c == '\u3099' || c == '\u309A') { // kana voicing marks make another letter (ガ is not カ): keep them
        out.append(c);
        kana = true;
        continue;
      }
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
        continue; // the accent NFKD split off its letter
      }
      String special = special(c);
      if (special != null) out.append(special);
      else out.append(Character.toLowerCase(c));
    }
    // Recompose what was kept: only kana with their voicing marks (every other mark is gone).
    return kana ? Normalizer.normalize(out, Normalizer.Form.NFC) : out.toString();
  }

  /**
   * Base letters of U+00C0..U+024F (Latin-1 Supplement and Latin Extended-A/B) as NFKD gives them, lower case;
   * '.' where a character needs more than a table (ß, æ, œ...). Generated once from Unicode's decompositions.
   * Western European mail then folds without the normalizer, whose data costs a cold start and every call.
   */
  private static final String LATIN =
      "aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.yaaaaaaccccccccdd..eeeeeeeeeegggggggg"
      + "hh..iiiiiiiii...jjkk.llllll....nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzzs........"
      + "........................oo.............uu............................aaiioouuuuuuuuuu.aaaa....ggkkoo"
      + "oo..j...gg..nnaa....aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............................";

  /**
   * The fold of s when every non-ASCII character is in the table (or a simple case), else null.
   * Written into a char array: an appended char per character cost more than the folding itself.
   */
  private static String latin(String s) {
    int n = s.length();
    char[] out = new char[n + 8];
    int o = 0;
    for (int k = 0; k < n; k++) { // invariant: out has room for one char per character left
      char c = s.charAt(k);
      if (c < 0x80) {
        out[o++] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      } else if (c >= 0xC0 && c < 0x250 && LATIN.charAt(c - 0xC0) != '.') {
        out[o++] = LATIN.charAt(c - 0xC0);
      } else {
        String special = special(c);
        if (special != null) {
          if (out.length - o < n - k + special.length()) out = Arrays.copyOf(out, out.length + n / 4 + 8);
          for (int j = 0; j < special.length(); j++) out[o++] = special.charAt(j);
        } else if (c == '\u00B0' || c == '\u00AB' || c == '\u00BB' || c == '\u20AC' || c >= '\u2013' && c <= '\u2014'
            || c >= '\u201C' && c <= '\u201D') {
          out[o++] = c; // no decomposition: the normalizer would leave them as they are
        } else if (foldsAlone(c)) {
          out[o++] = Character.toLowerCase(c); // Cyrillic, Greek, Han, bullets...: what the normalizer path gives
        } else {
          return null; // anything else: the normalizer
        }
      }
    }
    return new String(out, 0, o);
  }

  /** Per BMP character: 0 not known yet, 1 folds alone ({@link #foldsAlone}), 2 needs the normalizer. */
  private static final byte[] ALONE = new byte[0x10000];

  /**
   * Whether the normalizer path folds c to its lower case wherever it stands: NFKD leaves it as it is, it is no
   * mark, and its combining class is 0 (canonical ordering never moves it: a mark of class 230 before it and one
   * of class 220 after it stay where they are). Learnt per character on first sight, not for all 65,536 at
   * class load (the normalizer's data would cost every cold start).
   */
  private static boolean foldsAlone(char c) {
    byte known = ALONE[c];
    if (known == 0) ALONE[c] = known = alone(c) ? (byte) 1 : (byte) 2; // a race writes the same value
    return known == 1;
  }

  private static boolean alone(char c) {
    if (Character.isSurrogate(c)) return false;
    int type = Character.getType(c);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
      return false;
    }
    String one = String.valueOf(c), before = "\u0301" + c, after = c + "\u0316";
    return Normalizer.normalize(one, Normalizer.Form.NFKD).equals(one)
        && Normalizer.normalize(before, Normalizer.Form.NFKD).equals(before)
        && Normalizer.normalize(after, Normalizer.Form.NFKD).equals(after);
  }

  /** Letters NFKD does not split into base and accent, and punctuation that should not tell words apart. */
  private static String special(char c) {
    return switch (c) {
      case 'ß', '\u1E9E' -> "ss"; // ẞ, the capital sharp s, is not decomposed by NFKD
      case 'œ', 'Œ' -> "oe";
      case 'æ', 'Æ' -> "ae";
      case 'ø', 'Ø' -> "o";
      case 'đ', 'Đ' -> "d";
      case 'ł', 'Ł' -> "l";
      case 'ı' -> "i";
      case '\u2019', '\u2018', '\u02BC' -> "'"; // typographic apostrophes: "l’écran" is "l'ecran"
      case '\u00A0', '\u202F' -> " ";
      default -> null;
    };
  }

  private static String asciiLower(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] a = s.toCharArray();
        for (int k = i; k < a.length; k++) if (a[k] >= 'A' && a[k] <= 'Z') a[k] += 32;
        return new String(a);
      }
    }
    return s;
  }
}
