package io.helpdeskmail.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Separates the customer's new words from quoted history and from the signature, in plain text (HTML mail is
 * converted by {@link HtmlText} first, its quote containers already cut off).
 *
 * <p>Quoted history is recognised three ways, in any of the languages our customers write in: "&gt;" blocks
 * (removed, and the text after them kept, so inline and bottom-posted answers survive); a reply header ("On ...
 * wrote:", "Le ... a écrit :", a date and an address ending in a colon, possibly wrapped over three lines) which,
 * when no "&gt;" block follows it, ends the new text; and Outlook-style header blocks (From/Sent/To/Subject in
 * any language) or "Original Message" separators, which end it too. The signature starts at "-- ", at a
 * "Sent from my phone" line, at a closing formula ("Regards,") followed by a few short lines, or at a short
 * "-Name" line at the very end. Mailing-list footers after an underscore rule are not part of the reply.
 */
public final class ReplyExtractor {
  private static final int MAX_HEADER_LINES = 3;
  private static final int MAX_HEADER_CHARS = 300;

  /**
   * Reply-header verbs that end a header ("... wrote:"), in the languages clients localise them to. Compared with
   * endsWith on the lower-cased tail: headers are tried at every line, so this must stay cheap (a regex
   * alternation with find() here cost more than parsing the MIME).
   */
  private static final String[] VERBS = {"wrote", "writes", "said", "a écrit", "écrit", "schrieb", "schreef",
      "escribió", "escribio", "escreveu", "ha scritto", "ha escrit", "skrev", "napisał(a)", "napisała", "napisał",
      "pisze", "a scris", "kirjoitti", "написал(а)", "написала", "написал", "написав", "írta", "napsal(a)", "napsal",
      "yazdı", "έγραψε", "写道", "寫道", "のメッセージ", "書きました", "작성"};
  /** A verb followed by the writer's name ("Am 25.06.2015 um 10:55 schrieb Test user:"): then it ends in a colon. */
  private static final Pattern VERB_THEN_NAME = Pattern.compile("(?iu)(\\bwrote|\\bschrieb|\\bschreef|"
      + "\\bskrev|a écrit|\\bescribió|\\bescreveu|ha scritto|napisał|kirjoitti|написал)\\s.{1,80}[:：]\\s*$");
  /** A header that names no verb: a date or time and an address, ending in a colon ("2017-11-24 16:32 X <x@y>:"). */
  private static final Pattern ADDRESS_AT_END = Pattern.compile(
      "([<(\\[]\\s*(mailto:)?[^\\s<>()@]+@[^\\s<>()]+\\s*[>)\\]]|[^\\s<>()@]+@[^\\s<>()]+\\.[a-z]{2,})\\s*[>)]?\\s*[:：]\\s*$");
  private static final Pattern DATE_OR_TIME = Pattern.compile("\\d{1,2}[:.h]\\d{2}|\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|\\b(19|20)\\d{2}\\b");
  /** First line of an Outlook-style header block ("From:", "De :", "Von:", "发件人：", "*From:*" ...). */
  private static final Pattern BLOCK_FROM = Pattern.compile("(?iu)^\\s*\\*?\\s*(from|de|von|van|da|fra|från|od|"
      + "lähettäjä|feladó|от|від|发件人|寄件者|差出人|보낸 사람|kimden|de la|message du|expéditeur|absender|remitente|"
      + "mittente|afzender|avsändare|nadawca|от кого)\\s*\\*?\\s*[:：]");
  /** The other fields of such a block, one of which must follow within a few lines. */
  private static final Pattern BLOCK_FIELD = Pattern.compile("(?iu)^\\s*\\*?\\s*(sent|date|envoyé|envoyé le|gesendet|"
      + "datum|verzonden|verstuurd|inviato|data|enviado|enviada|fecha|skickat|sendt|dato|wysłano|data wysłania|"
      + "lähetetty|elküldve|отправлено|дата|надіслано|发送时间|发送日期|日期|寄件日期|送信日時|날짜|보낸 날짜|tarih|to|à|a|"
      + "an|aan|para|till|til|do|vastaanottaja|кому|收件人|宛先|subject|objet|betreff|onderwerp|oggetto|asunto|assunto|"
      + "ämne|emne|temat|aihe|тема|主题|件名|cc|sent at)\\s*\\*?\\s*[:：]");
  private static final Pattern ORIGINAL_MESSAGE = Pattern.compile("(?iu)^\\s*[-=_*]{2,}\\s*(original message|"
      + "ursprüngliche nachricht|originalnachricht|message d'origine|message original|mensaje original|messaggio originale|"
      + "oorspronkelijk bericht|origineel bericht|mensagem original|originalmeddelande|ursprungligt meddelande|"
      + "oprindelig besked|opprinnelig melding|alkuperäinen viesti|wiadomość oryginalna|oryginalna wiadomość|"
      + "исходное сообщение|оригинальное сообщение|原始邮件|原始郵件|元のメッセージ|reply message|mesaj original)"
      + "\\s*[-=_*]{2,}\\s*$");
  /** A rule made of punctuation only: an Outlook "____" line, "-----", "=====". */
  private static final Pattern RULE = Pattern.compile("^\\s*[-_=*]{3,}\\s*$");
  private static final Pattern UNDERSCORE_FOOTER = Pattern.compile("^\\s*_{2,}\\s*$");
  /** "Sent from my iPhone" and what mobile and desktop apps add, in many languages. */
  private static final Pattern SENT_FROM = Pattern.compile("(?iu)^\\s*(sent from |sent with |sent via |get outlook for |"
      + "envoyé de mon |envoyé depuis |envoyé à partir de |von meinem .* gesendet|gesendet von |gesendet mit |"
      + "enviado desde |enviado de |enviado do meu |inviato da |verzonden met |verstuurd vanaf |verzonden vanaf |"
      + "skickat från |sendt fra |lähetetty |wysłane z |отправлено с |trimis de pe |从我的|我的iphone|iphoneから送信|"
      + "sent from mail for windows|sent from yahoo mail|sent from samsung|sent from outlook|sent from typeapp|"
      + "obtenir outlook pour |outlook für |outlook for ios|outlook for android|scarica outlook per |descargar outlook para |"
      + "outlook voor ios|outlook voor android|hämta outlook för |hent outlook til |få outlook til |pobierz aplikację outlook|"
      + "baixar o outlook para |obter o outlook para |outlook для )");
  /** Closing formulas that start a signature when only a few short lines follow them. */
  private static final Pattern SIGN_OFF = Pattern.compile("(?iu)^\\s*(best regards|kind regards|warm regards|regards|"
      + "best wishes|sincerely|yours sincerely|yours truly|cordialement|bien cordialement|bien à vous|salutations|"
      + "mit freundlichen grüßen|mit freundlichen grüssen|freundliche grüße|viele grüße|beste grüße|liebe grüße|mfg|"
      + "saludos|un saludo|saludos cordiales|atentamente|cordiali saluti|distinti saluti|saluti|"
      + "met vriendelijke groet(en)?|vriendelijke groet(en)?|groeten|med vänliga hälsningar|vänliga hälsningar|"
      + "med venlig hilsen|venlig hilsen|med vennlig hilsen|vennlig hilsen|mvh|hilsen|pozdrawiam|z poważaniem|atenciosamente|"
      + "cumprimentos|cu stimă|cu respect|ystävällisin terveisin|с уважением|此致|敬具)\\s*[,.!]?\\s*$");

  public ReplyBody extract(String text) {
    if (text == null || text.isBlank()) return ReplyBody.EMPTY;
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<String> kept = new ArrayList<>(lines.length);
    int i = 0;
    boolean dropped = false; // a quote was just removed: the blank lines around it collapse into one
    scan:
    while (i < lines.length) {
      String line = lines[i];
      if (isQuoted(line) || isWrappedQuote(lines, i)) { // a ">" block: drop it, keep reading (inline reply)
        i++;
        dropped = true;
        continue;
      }
      if (dropped && line.isBlank() && !kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
        i++;
        continue;
      }
      int header = headerLength(lines, i);
      if (header > 0) {
        int next = nextNonBlank(lines, i + header);
        if (next < lines.length && isQuoted(lines[next])) { // header of a quote block: drop both, go on
          i = next;
          dropped = true;
          continue;
        }
        break; // unquoted history follows: the reply ends here
      }
      if (startsWithRule(line) && ORIGINAL_MESSAGE.matcher(line).matches() || isOutlookBlock(lines, i)) break;
      if (UNDERSCORE_FOOTER.matcher(line).matches()) {
        // "__" then a mailing-list footer, or "____" then an Outlook header: neither is the customer's text.
        int next = nextNonBlank(lines, i + 1);
        if (next >= lines.length || isOutlookBlock(lines, next) || footerFollows(lines, next)) break scan;
      }
      kept.add(line);
      if (!line.isBlank()) dropped = false;
      i++;
    }
    trimBlank(kept);
    String reply = String.join("\n", kept).strip();
    int sig = signatureStart(kept);
    List<String> visibleLines = new ArrayList<>(sig < 0 ? kept : kept.subList(0, sig));
    // A trailing rule ("-----", "____") announced the history we cut; it is not part of what was said.
    while (!visibleLines.isEmpty() && (visibleLines.get(visibleLines.size() - 1).isBlank()
        || RULE.matcher(visibleLines.get(visibleLines.size() - 1)).matches())) {
      visibleLines.remove(visibleLines.size() - 1);
    }
    String visible = String.join("\n", visibleLines).strip();
    String signature = sig < 0 ? null : String.join("\n", kept.subList(sig, kept.size())).strip();
    return new ReplyBody(reply, signature == null || signature.isEmpty() ? null : signature, visible);
  }

  private static boolean isQuoted(String line) {
    for (int k = 0; k < line.length(); k++) {
      char c = line.charAt(k);
      if (c == '>') return true;
      if (c != ' ' && c != '\t') return false;
    }
    return false;
  }

  /**
   * An unquoted line inside a quote block that is the tail of a long quoted line some client re-wrapped without
   * its ">" (it starts in lower case and the quote goes on right after it), not an inline answer.
   */
  private static boolean isWrappedQuote(String[] lines, int i) {
    if (i == 0 || i + 1 >= lines.length || !isQuoted(lines[i - 1]) || lines[i - 1].length() < 50) return false;
    String l = lines[i].strip();
    return !l.isEmpty() && Character.isLowerCase(l.codePointAt(0)) && isQuoted(lines[i + 1]);
  }

  /** How many lines (1-3) a reply header starting at line i spans, or 0 when there is none. */
  static int headerLength(String[] lines, int i) {
    String first = lines[i].strip();
    if (first.isEmpty() || first.length() > MAX_HEADER_CHARS) return 0;
    StringBuilder joined = new StringBuilder();
    for (int n = 0; n < MAX_HEADER_LINES && i + n < lines.length; n++) {
      String l = lines[i + n].strip();
      // Gmail wraps "...<x@y.z" and puts ">:" on the next line; any other quoted line ends the header.
      boolean closing = n > 0 && (l.equals(">:") || l.equals("> :") || l.equals(">："));
      if (l.isEmpty() || (isQuoted(lines[i + n]) && !closing)) return 0;
      // A wrapped header breaks mid-phrase; a line ending a sentence is the customer's, not the header's start.
      if (n > 0 && endsSentence(lines[i + n - 1].strip())) return 0;
      if (joined.length() > 0 && !(joined.charAt(joined.length() - 1) == '<' || l.startsWith(">"))) joined.append(' ');
      joined.append(l);
      if (joined.length() > MAX_HEADER_CHARS) return 0;
      if (looksLikeHeader(joined.toString())) return n + 1;
    }
    return 0;
  }

  private static boolean endsSentence(String l) {
    char c = l.isEmpty() ? ' ' : l.charAt(l.length() - 1);
    return c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == '。' || c == '！' || c == '？';
  }

  /** True when the text ends with a reply verb, then only spaces, colons or dashes ("wrote:", "wrote ----"). */
  static boolean verbAtEnd(String s) {
    int end = s.length();
    while (end > 0) {
      char c = s.charAt(end - 1);
      if (c != ' ' && c != ':' && c != '：' && c != '-' && c != '\t') break;
      end--;
    }
    if (end == 0) return false;
    String tail = s.substring(Math.max(0, end - 16), end).toLowerCase(Locale.ROOT);
    for (String v : VERBS) {
      if (!tail.endsWith(v)) continue;
      int before = tail.length() - v.length() - 1;
      // a whole word: "wrote", not "ghostwrote"; ideographic verbs need no boundary
      if (before < 0 || !Character.isLetter(v.charAt(0)) || !Character.isLetter(tail.charAt(before))) return true;
    }
    return false;
  }

  static boolean looksLikeHeader(String s) {
    int n = s.length();
    char last = s.charAt(n - 1);
    boolean colon = last == ':' || last == '：';
    if (!colon && last != '-' && !Character.isLetter(last)) return false;
    boolean at = s.indexOf('@') >= 0;
    boolean digit = false;
    for (int k = 0; k < n && !digit; k++) digit = Character.isDigit(s.charAt(k));
    if (!at && !digit) return false; // every header names a date or an address
    boolean hasDate = digit && DATE_OR_TIME.matcher(s).find();
    if (verbAtEnd(s)) return hasDate || at;
    if (!colon || !hasDate) return false;
    int from = Math.max(0, n - 120);
    return VERB_THEN_NAME.matcher(s).region(from, n).find() || (at && ADDRESS_AT_END.matcher(s).region(from, n).find());
  }

  /** An Outlook-style block: a From line with another header field within the next few lines. */
  private static boolean isOutlookBlock(String[] lines, int i) {
    if (!hasLabelColon(lines[i]) || !BLOCK_FROM.matcher(lines[i]).find()) return false;
    int fields = 0;
    for (int k = i + 1; k < Math.min(lines.length, i + 6); k++) {
      if (lines[k].isBlank()) continue;
      if (hasLabelColon(lines[k]) && BLOCK_FIELD.matcher(lines[k]).find()) {
        if (++fields >= 1) return true;
      }
    }
    return false;
  }

  /** A colon early in the line, as every "Label:" has; lines without one skip the header-field patterns. */
  private static boolean hasLabelColon(String line) {
    for (int k = 0, n = Math.min(line.length(), 40); k < n; k++) {
      char c = line.charAt(k);
      if (c == ':' || c == '：') return true;
    }
    return false;
  }

  private static boolean startsWithRule(String line) {
    for (int k = 0; k < line.length(); k++) {
      char c = line.charAt(k);
      if (c == ' ' || c == '\t') continue;
      return c == '-' || c == '=' || c == '_' || c == '*';
    }
    return false;
  }

  private static boolean footerFollows(String[] lines, int i) {
    // A list footer: a few short lines, one naming the list or linking to its page.
    for (int k = i; k < Math.min(lines.length, i + 4); k++) {
      String l = lines[k].toLowerCase(Locale.ROOT);
      if (l.contains("mailing list") || l.contains("listinfo") || l.contains("unsubscribe") || l.contains("http")) return true;
    }
    return false;
  }

  private static int nextNonBlank(String[] lines, int from) {
    int k = from;
    while (k < lines.length && lines[k].isBlank()) k++;
    return k;
  }

  /** Where the signature starts in the kept lines, or -1. */
  static int signatureStart(List<String> lines) {
    int n = lines.size();
    int start = -1;
    for (int k = 0; k < n; k++) {
      String l = lines.get(k);
      if (l.equals("-- ") || l.equals("--") || l.equals("-- -") || l.equals("—")
          || (l.length() < 120 && SENT_FROM.matcher(l).find())) {
        start = k;
        break;
      }
    }
    int limit = start < 0 ? n : start;
    // A closing formula with only the name (and perhaps a phone line) after it, before any delimiter found above.
    for (int k = Math.max(0, limit - 8); k < limit; k++) {
      if (SIGN_OFF.matcher(lines.get(k)).matches() && fewShortLinesAfter(lines, k + 1)) return k;
    }
    if (start >= 0) return start;
    // "-Name" closing the mail (the GitHub convention): only in the last lines and short.
    for (int k = Math.max(0, n - 3); k < n; k++) {
      String l = lines.get(k).strip();
      if (l.length() > 1 && l.length() < 40 && l.charAt(0) == '-' && Character.isLetter(l.charAt(1))
          && fewShortLinesAfter(lines, k + 1)) {
        return k;
      }
    }
    return -1;
  }

  private static boolean fewShortLinesAfter(List<String> lines, int from) {
    int count = 0;
    for (int k = from; k < lines.size(); k++) {
      String l = lines.get(k).strip();
      if (l.isEmpty()) continue;
      if (l.length() > 60 || ++count > 5) return false;
    }
    return true;
  }

  private static void trimBlank(List<String> lines) {
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
    while (!lines.isEmpty() && lines.get(0).isBlank()) lines.remove(0);
  }
}
