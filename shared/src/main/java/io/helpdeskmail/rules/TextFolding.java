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
    String folded = byCharacter(s);
    return folded != null ? folded : normalized(s, i);
  }

  /** The fold through the normalizer, s[0, from) being ASCII; what {@link #byCharacter} must agree with. */
  static String normalized(String s, int from) {
    StringBuilder out = new StringBuilder(s.length());
    boolean kana = decomposed(out, s, from);
    // Recompose what was kept: only kana with their voicing marks (every other mark is gone).
    return kana ? Normalizer.normalize(out, Normalizer.Form.NFC) : out.toString();
  }

  /** Appends the fold of s before recomposition (s[0, from) being ASCII); whether it holds kana voicing marks. */
  private static boolean decomposed(StringBuilder out, String s, int from) {
    int i = from;
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
      if (mark(c)) continue; // the accent NFKD split off its letter
      String special = special(c);
      if (special != null) out.append(special);
      else out.append(Character.toLowerCase(c));
    }
    return kana;
  }

  private static boolean mark(char c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
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
   * The fold of s character by character, as the normalizer path gives it, or null when a character needs the
   * normalizer over the whole text (surrogates). Written into a char array: an appended char per character cost
   * more than the folding itself.
   */
  private static String byCharacter(String s) {
    int n = s.length();
    // Folded in place, read from the same array while every character gives one (nearly always): a copy of the
    // text is read from the first that gives more. String.charAt per character cost more than the folding.
    char[] out = new char[n + 8], in = out;
    s.getChars(0, n, out, 0);
    int o = 0;
    boolean kana = false;
    for (int k = 0; k < n; k++) { // invariant: out has room for one char per character left
      char c = in[k];
      if (c < 0x80) {
        out[o++] = LOWER[c];
      } else if (c >= 0xC0 && c < 0x250 && LATIN.charAt(c - 0xC0) != '.') {
        out[o++] = LATIN.charAt(c - 0xC0);
      } else if (c == '\u00B0' || c == '\u00AB' || c == '\u00BB' || c == '\u20AC' || c >= '\u2013' && c <= '\u2014'
          || c >= '\u201C' && c <= '\u201D') {
        out[o++] = c; // no decomposition: the normalizer would leave them as they are
      } else {
        String piece = piece(c);
        if (piece == null) return null;
        if (piece == SAME) { // Chinese, Cyrillic, Greek lower case...: most characters beyond Latin
          out[o++] = c;
          continue;
        }
        if (piece.length() > 1 && in == out) in = s.toCharArray();
        if (out.length - o < n - k + piece.length()) out = Arrays.copyOf(out, out.length + n / 4 + piece.length() + 8);
        for (int j = 0; j < piece.length(); j++) {
          char p = out[o++] = piece.charAt(j);
          if (p == '\u3099' || p == '\u309A') kana = true;
        }
      }
    }
    return kana ? Normalizer.normalize(new String(out, 0, o), Normalizer.Form.NFC) : new String(out, 0, o);
  }

  /** ASCII in lower case. */
  private static final char[] LOWER = new char[0x80];

  static {
    for (char c = 0; c < 0x80; c++) LOWER[c] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /**
   * The fold of each BMP character met so far, by page of 256; NEEDS_TEXT where one character cannot tell, SAME
   * where the fold is the character itself.
   */
  private static final String[][] PIECES = new String[256][];
  private static final String NEEDS_TEXT = new String("normalizer over the text");
  private static final String SAME = new String("the character itself");

  /**
   * The fold of c alone (before kana recomposition), when that is its share of any text's fold, else null. It
   * is when every character NFKD makes of c that the fold keeps (no accent) has combining class 0, or is a kana
   * voicing mark: canonical ordering then moves only what the fold drops. Learnt per character on first sight,
   * not for all 65,536 at class load (the normalizer's data would cost every cold start); a race computes the
   * same piece twice. SAME when the piece is c itself, and a letter with its own fold ({@link #special}) has
   * that: a Chinese or Russian mail is then one lookup per character.
   */
  private static String piece(char c) {
    String[] page = PIECES[c >>> 8];
    if (page == null) PIECES[c >>> 8] = page = new String[256];
    String piece = page[c & 0xFF];
    if (piece == null) page[c & 0xFF] = piece = learn(c);
    return piece == NEEDS_TEXT ? null : piece;
  }

  private static String learn(char c) {
    String special = special(c);
    if (special != null) return special;
    if (Character.isSurrogate(c)) return NEEDS_TEXT;
    for (char x : Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD).toCharArray()) {
      if (x == '\u3099' || x == '\u309A' || x >= 0x80 && mark(x)) continue;
      // Class 0 shows as staying put between marks of class 230 before and 220 after (any other class moves).
      String before = "\u0301" + x, after = x + "\u0316";
      if (!Normalizer.normalize(before, Normalizer.Form.NFKD).equals(before)
          || !Normalizer.normalize(after, Normalizer.Form.NFKD).equals(after)) return NEEDS_TEXT;
    }
    StringBuilder out = new StringBuilder(4);
    boolean kana = decomposed(out, String.valueOf(c), 0);
    // A voicing mark alone is itself too, but the text must then be recomposed: it keeps its piece.
    return !kana && out.length() == 1 && out.charAt(0) == c ? SAME : out.toString();
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
