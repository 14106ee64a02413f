package io.helpdeskmail.mail;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the subject prefixes that out-of-office and vacation responders put in front of the original
 * subject ("Automatic reply: …", "Abwesenheitsnotiz: …", "Réponse automatique : …", "自動応答: …"), in the
 * languages our customers write in. Many responders (older Exchange, Lotus, hosted webmail) send no
 * Auto-Submitted header at all, so the subject is the only sign left.
 *
 * <p>Only the start of the subject counts: a human replying to an auto-reply writes "Re: Automatic reply: …",
 * and that mail is human. A phrase must also end the prefix (a colon, a bracket, a dash or the end of the
 * subject), so "Automatic reply not working" from a customer stays human.
 */
public final class OutOfOfficeSubjects {
  /**
   * Auto-reply phrases, lower case and without diacritics (the subject is folded the same way before
   * matching). Multi-word or unambiguous words only: "vacation" or "absent" alone also start human subjects
   * ("Vacation request: …").
   */
  private static final List<String> PHRASE_LIST = List.of(
      // English (Exchange, Gmail, Zimbra, cPanel, Lotus)
      "out of (?:the )?office(?: (?:auto ?reply|reply|notification|notice|message|response|alert))?",
      "auto(?:matic|mated)?[- ]?(?:reply|response|answer)(?: message)?", "autoreply", "autoresponse",
      "autoresponder", "away from (?:the |my )?(?:office|desk)", "vacation (?:auto ?reply|reply|response|message|notice)",
      "absence notice",
      "out of office autoreply",
      // French
      "reponse automatique", "message d'absence", "absente? du bureau", "absence du bureau",
      "reponse (?:en cas )?d'absence", "notification d'absence",
      // German
      "abwesenheits(?:notiz|nachricht|meldung|benachrichtigung|info)", "automatische (?:antwort|abwesenheitsnotiz)",
      "automatische antwort", "nicht im buro", "ich bin nicht im buro",
      // Spanish
      "respuesta automatica", "fuera de (?:la )?oficina", "mensaje de ausencia", "respuesta de ausencia",
      // Italian
      "risposta automatica", "fuori (?:ufficio|sede)", "messaggio di assenza", "non al computer",
      // Dutch
      "automatisch antwoord", "automatische reactie", "afwezigheidsbericht", "afwezigheidsmelding",
      "niet aanwezig", "buiten kantoor",
      // Portuguese
      "resposta automatica", "fora do escritorio", "ausente do escritorio", "mensagem de ausencia",
      // Nordic: Swedish, Danish, Norwegian, Finnish, Icelandic
      "automatiskt svar", "automatisk svar", "autosvar", "franvaromeddelande", "franvarande", "franvaro", "fravaersbesked",
      "ikke pa kontoret", "inte pa kontoret", "automaattinen vastaus", "poissa toimistolta",
      "poissaoloilmoitus", "sjalfvirkt svar",
      // Polish, Czech, Slovak, Hungarian, Romanian, Slovenian, Croatian
      "automatyczna odpowiedz", "odpowiedz automatyczna", "poza biurem", "nieobecnosc w biurze",
      "automaticka odpoved", "mimo kancelar\\w*", "automatikus valasz", "hivatalon kivul", "irodan kivul",
      "raspuns automat", "in afara biroului", "samodejni odgovor", "automatski odgovor",
      "izvan ureda",
      // Baltic
      "automatiska atbilde", "automatiskais atbildetajs", "arpus biroja",
      "automatinis atsakymas", "ne biure", "automaatne vastus", "kontorist eemal",
      // Greek, Turkish, Russian, Ukrainian, Bulgarian
      "αυτοματη απαντηση", "εκτος γραφειου", "otomatik yan[iı]t", "ofis d[iı]s[iı]nda",
      "автоматический ответ", "автоответ", "вне офиса", "нет на месте", "автоматична в[іи]дпов[іи]дь",
      "автоматичен отговор", "извън офиса",
      // Hebrew, Arabic
      "מענה אוטומטי", "תשובה אוטומטית", "מחוץ למשרד", "رد تلقائي", "خارج المكتب");
  private static final String PHRASES = String.join("|", PHRASE_LIST);

  /**
   * The prefix: an optional bracket, a phrase (or two joined by up to three words, as in Latvian "Ārpus biroja
   * atrašanās automātiskā atbilde:"), an optional "from Name", then what ends a responder prefix. Lotus Notes
   * writes "AUTO: Name is out of the office (returning …)".
   */
  private static final String LOTUS = "auto:\\s.{0,80}\\bout of (?:the )?office";
  private static final Pattern LATIN = Pattern.compile(
      "^[\\s\\[({<*]*(?:(?:" + PHRASES + ")(?:(?:[\\s,-]+\\S+){0,3}?[\\s,-]+(?:" + PHRASES + "))?"
          + "(?:\\s+(?:from|de|von|van|da|fra|od)\\s[^:]{1,60})?\\s*(?:[:：\\])}>*|-]|$)"
          + "|" + LOTUS + ")");
  /**
   * LATIN's phrase (or Lotus' "auto:") follows the opening brackets and spaces directly. Nearly every subject
   * opens with something else, and the pattern tried its hundred phrases in turn on each.
   */
  private static final AlternationPrefilter LATIN_OPENINGS = AlternationPrefilter.anchored(
      java.util.stream.Stream.concat(PHRASE_LIST.stream(), java.util.stream.Stream.of(LOTUS)).toList(), 0);

  /**
   * CJK and Korean phrases: no word spaces and often no colon ("【自動返信】", "自動応答 Re: …"), so they only
   * have to stand at the start, after an optional bracket.
   */
  private static final Pattern CJK = Pattern.compile(
      "^[\\s\\[(【〔「<]*(?:自動(?:応答|返信|回覆|回复)|不在(?:通知|のお知らせ|連絡|メッセージ)"
          + "|自动(?:回复|答复|应答)|不在办公室|자동\\s?(?:회신|응답))");

  private OutOfOfficeSubjects() {}

  /** The auto-reply prefix the subject starts with, or null when it has none. */
  public static String match(String subject) {
    return subject == null ? null : match(subject, foldedHead(subject));
  }

  /**
   * {@link #match(String)} for a subject already folded by {@link #foldedHead}: machine-mail detection folds it
   * once for this and for the bounce subjects.
   */
  static String match(String subject, String foldedHead) {
    if (subject == null || subject.isBlank()) return null;
    if (mayOpenCjk(subject)) {
      Matcher cjk = CJK.matcher(head(subject));
      if (cjk.find()) return cjk.group().strip();
    }
    int p = 0;
    while (p < foldedHead.length() && " \t\n\013\f\r[({<*".indexOf(foldedHead.charAt(p)) >= 0) p++;
    if (!LATIN_OPENINGS.mayMatchFrom(foldedHead, p)) return null;
    Matcher m = LATIN.matcher(foldedHead);
    return m.find() ? m.group().strip() : null;
  }

  /**
   * False when CJK cannot match: after the brackets and white space it skips, each of its phrases opens with
   * 自, 不 or 자, none of which it skips. Every subject was run through the pattern, nearly all to fail there.
   */
  static boolean mayOpenCjk(String subject) {
    int p = 0;
    while (p < subject.length() && " \t\n\013\f\r[(【〔「<".indexOf(subject.charAt(p)) >= 0) p++;
    return p < subject.length() && "自不자".indexOf(subject.charAt(p)) >= 0;
  }

  /** The folded first 200 characters of a subject: all that subject checks read. */
  static String foldedHead(String subject) {
    return fold(head(subject));
  }

  private static String head(String subject) {
    return subject.length() > 200 ? subject.substring(0, 200) : subject;
  }

  /** Lower case without diacritics, so "Réponse automatique" and "Reponse automatique" match alike. */
  static String fold(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    boolean ascii = true;
    for (int i = 0; i < lower.length() && ascii; i++) ascii = lower.charAt(i) < 0x80;
    if (ascii) return lower;
    String d = Normalizer.normalize(lower, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      switch (c) {
        case 'æ' -> b.append("ae");
        case 'ø' -> b.append('o');
        case 'ł' -> b.append('l');
        case 'đ' -> b.append('d');
        case 'ß' -> b.append("ss");
        case 'ı' -> b.append('i');
        default -> {
          // Only Latin, Greek and Cyrillic accents go; kana voicing marks (U+3099) are part of the letter.
          if (c < '\u0300' || c > '\u036f') b.append(c);
        }
      }
    }
    return Normalizer.normalize(b, Normalizer.Form.NFC);
  }
}
