package io.helpdeskmail.mail;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds where the signature starts in the customer's own lines: the "-- " delimiter, "Sent from my iPhone"-style
 * mobile lines in many languages, a "-Name" line at the very end, or a closing sign-off ("Regards," + name).
 */
final class SignatureFinder {
  private static final Pattern DASH_NAME = Pattern.compile("^-\\p{L}[\\p{L}.' ]{0,40}$");
  /** The sign-off phrases of SIGN_OFF, lower case. */
  private static final List<String> SIGN_OFF_PHRASES = List.of("regards", "wishes", "thanks", "thank you",
      "thanks again", "thanks in advance", "many thanks", "cheers", "sincerely", "yours sincerely", "yours truly",
      "yours", "best", "all the best", "take care", "br", "cordialement", "bien cordialement", "bien à vous",
      "salutations", "bonne journée", "merci", "merci beaucoup", "merci d'avance", "viele grüße", "viele grüsse",
      "beste grüße", "beste grüsse", "mit freundlichen grüßen", "mit freundlichen grüssen", "freundliche grüße",
      "liebe grüße", "lg", "vg", "mfg", "gruß", "grüße", "saludos", "saludos cordiales", "un saludo", "atentamente",
      "cumprimentos", "atenciosamente", "abraços", "obrigado", "obrigada", "gracias", "grazie", "cordiali saluti",
      "distinti saluti", "saluti", "met vriendelijke groet", "met vriendelijke groeten", "vriendelijke groet",
      "vriendelijke groeten", "groeten", "groet", "pozdrawiam", "z poważaniem", "med vänlig hälsning",
      "vänliga hälsningar", "mvh", "med vennlig hilsen", "hilsen", "med venlig hilsen", "venlig hilsen",
      "ystävällisin terveisin", "terveisin", "с уважением", "спасибо", "з повагою");
  private static final Pattern SIGN_OFF = Pattern.compile("^(?:(?:best|kind|warm|warmest|many|with)\\s+)?(?:"
      + String.join("|", SIGN_OFF_PHRASES) + ")[\\s,.!]*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** The last letters of the phrases, folded, and the phrases (folded) grouped by them. */
  private static final String SIGN_OFF_LAST = lastLetters(SIGN_OFF_PHRASES);
  private static final String[][] SIGN_OFF_BY_LAST = byLastLetter(SIGN_OFF_PHRASES, SIGN_OFF_LAST);
  private static final Pattern SENT_FROM = Pattern.compile("^(?:sent|sending) (?:from|via|with|by|using) (.+)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DEVICE = Pattern.compile("(?i)\\b(?:iphone|ipad|ipod|android|mobile|phone|cell|"
      + "cellphone|smartphone|blackberry|galaxy|samsung|htc|nokia|pixel|huawei|xiaomi|tablet|device|watch|outlook|"
      + "mail|gmail|yahoo|aol|airmail|spark|typeapp|bluemail|newton|proton|samsung)\\b");
  /** Used with lookingAt, like an anchored pattern. */
  private static final AlternationPrefilter OTHER_MOBILE = AlternationPrefilter.anchored(List.of(
      "envoyé (?:de|depuis|à partir de|avec) ", "von meinem .{1,60} gesendet", "gesendet (?:von|mit) ",
      "diese nachricht wurde von .{1,80} gesendet", "enviado (?:desde|do|de) (?:mi|meu|o|el|my)? ?", "inviato (?:da|dal) ", "verstuurd (?:vanaf|met) ",
      "verzonden (?:vanaf|met) ", "sendt fra ", "skickat från ", "från min ", "wysłane z ", "wysłano z ", "lähetetty ",
      "отправлено с ", "надіслано з ", "从我的", "從我的", "iphoneから送信", "get outlook for ", "obtenir outlook pour ",
      "download outlook for ", "holen sie sich outlook", "scarica outlook per ", "obtener outlook para ",
      "descargar outlook para ", "baixe o outlook para ", "\\w+ from mobile", "from my (?:iphone|ipad|android|mobile|"
      + "phone|samsung|galaxy|blackberry|smartphone)"), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final int TAIL_LINES = 60;

  private SignatureFinder() {}

  /** The index in lines where the signature starts, or -1. Lines before the first content line never count. */
  static int find(List<String> lines) {
    int first = -1;
    int tailFrom = lines.size() - TAIL_LINES; // signatures close a message: the top of a long text is skipped
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).strip();
      if (t.isEmpty()) continue;
      if (first < 0) {
        first = i;
        continue;
      }
      if (i < tailFrom || t.length() > 160) continue;
      if (t.equals("--") || lines.get(i).equals("-- ") || t.equals("—") || isMobileLine(t)) {
        // "Cordialement,\nNicolas\n\nEnvoyé de mon iPhone": the closing formula above starts the signature.
        int closing = closing(lines.subList(0, i), first);
        return closing >= 0 ? closing : i;
      }
    }
    if (first < 0) return -1;
    return closing(lines, first);
  }

  /** A "-Name" line or a sign-off with a few short lines after it, ending the text. */
  private static int closing(List<String> lines, int first) {
    int last = lines.size() - 1;
    while (last > first && lines.get(last).isBlank()) last--;
    if (last <= first) return -1;
    if (DASH_NAME.matcher(lines.get(last).strip()).matches()) return last;
    int shortLines = 0;
    for (int i = last; i > first && last - i <= 8; i--) {
      String t = lines.get(i).strip();
      if (t.isEmpty()) continue;
      if (endsWithSignOff(t) && SIGN_OFF.matcher(t).matches()) return shortLines > 0 ? i : -1;
      if (t.length() > 60 || ++shortLines > 5) return -1;
    }
    return -1;
  }

  /** "Sent from my iPhone", "Envoyé de mon iPhone", "Get Outlook for Android" and the like. */
  static boolean isMobileLine(String line) {
    String t = line;
    int p = 0;
    while (p < t.length() && (t.charAt(p) == '(' || t.charAt(p) == '<' || t.charAt(p) == '[')) p++;
    t = t.substring(p);
    if (t.length() > 160) return false;
    // SENT_FROM opens with "sen" in either case; regionMatches folds more than its ASCII-only case does.
    if (t.regionMatches(true, 0, "sen", 0, 3)) {
      var m = SENT_FROM.matcher(t);
      if (m.matches()) return plausibleDevice(m.group(1));
    }
    return OTHER_MOBILE.mayMatch(t) && OTHER_MOBILE.pattern().matcher(t).lookingAt();
  }

  /**
   * True when the line, without the spaces and punctuation SIGN_OFF allows after the phrase, ends with one of
   * its phrases: a line SIGN_OFF matches always does. The regex tried its hundred alternatives on each of the last
   * lines of every mail; this looks at the phrases ending in the line's last letter only. regionMatches with
   * ignoreCase equates characters whose folds are equal, as the pattern does.
   */
  static boolean endsWithSignOff(String t) {
    int e = t.length();
    while (e > 0 && isSignOffTail(t.charAt(e - 1))) e--;
    if (e == 0) return false;
    int letter = SIGN_OFF_LAST.indexOf(CaseFold.of(t.charAt(e - 1)));
    if (letter < 0) return false;
    for (String p : SIGN_OFF_BY_LAST[letter]) {
      if (e >= p.length() && t.regionMatches(true, e - p.length(), p, 0, p.length())) return true;
    }
    return false;
  }

  /** The characters of SIGN_OFF's "[\s,.!]*" tail (\s without UNICODE_CHARACTER_CLASS is ASCII). */
  private static boolean isSignOffTail(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ',' || c == '.'
        || c == '!';
  }

  private static String lastLetters(List<String> words) {
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      char c = CaseFold.of(w.charAt(w.length() - 1));
      if (sb.indexOf(String.valueOf(c)) < 0) sb.append(c);
    }
    return sb.toString();
  }

  private static String[][] byLastLetter(List<String> words, String letters) {
    String[][] out = new String[letters.length()][];
    for (int i = 0; i < out.length; i++) {
      List<String> group = new java.util.ArrayList<>();
      for (String w : words) if (CaseFold.of(w.charAt(w.length() - 1)) == letters.charAt(i)) group.add(CaseFold.of(w));
      out[i] = group.toArray(new String[0]);
    }
    return out;
  }

  /** "my iPhone" or "Mail for Windows 10", not "my desk, which is much easier than my phone". */
  private static boolean plausibleDevice(String rest) {
    String r = rest;
    int cut = indexOfAny(r, "<", "http", "[");
    if (cut >= 0) r = r.substring(0, cut);
    int clauseEnd = indexOfAny(r, ",", ". ", ";", "!", " - ");
    String clause = clauseEnd >= 0 ? r.substring(0, clauseEnd) : r;
    boolean more = clauseEnd >= 0 && !r.substring(clauseEnd + 1).isBlank();
    int words = clause.isBlank() ? 0 : clause.strip().split("\\s+").length;
    if (words == 0 || words > 6) return false;
    return !more || DEVICE.matcher(clause.toLowerCase(Locale.ROOT)).find();
  }

  private static int indexOfAny(String s, String... needles) {
    int best = -1;
    for (String n : needles) {
      int k = s.indexOf(n);
      if (k >= 0 && (best < 0 || k < best)) best = k;
    }
    return best;
  }
}
