package io.helpdeskmail.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a delivery failure says: the failed recipients, the status code, whether the failure is permanent
 * and the Message-ID of the mail that bounced. Prefers the machine-readable message/delivery-status part (RFC
 * 3464); falls back to the free text that qmail, Exim, Gmail, Lotus and many gateways send instead.
 *
 * <p>All text scans are bounded, so a huge returned message costs no more than a small one.
 */
public final class BounceReader {
  /** How much of the human explanation we read for recipients, codes and bounce wording. */
  static final int EXPLANATION_LIMIT = 8_000;
  /** How far into the body we look for the returned message's Message-ID (long Received chains come first). */
  static final int ORIGINAL_LIMIT = 64_000;
  private static final int MAX_RECIPIENTS = 20;

  /**
   * Subjects that delivery systems give their reports, anchored at the start ("Fwd: Undeliverable" is human).
   * Matched against the subject folded to lower case without diacritics.
   */
  private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
      "^\\s*(?:\\[[^\\]]{1,40}\\]\\s*)?(?:undeliver(?:ed|able)|mail delivery (?:failed|failure|system|subsystem)"
          + "|delivery (?:status notification|failure|notification|failed|report|problem|has failed)"
          + "|failure notice|returned mail|non[- ]?delivery|delayed mail|delivery delayed|warning: could not send"
          + "|message (?:not delivered|delivery (?:failure|failed|delayed|has been delayed)|could not be delivered)"
          + "|mail (?:failure|could not be delivered|not delivered)|could not send message|mail system error"
          + "|returned to sender|unable to deliver|\\[bounce\\]|bounced? mail"
          // German, French, Spanish, Italian, Dutch, Portuguese, Nordic, Polish, Czech, Russian
          + "|nicht zustellbar|unzustellbar|zustellung fehlgeschlagen|benachrichtigung zum ubermittlungsstatus"
          + "|benachrichtung zum|ubermittlungsstatus|non remis|echec de (?:la )?remise|notification d'etat de remise"
          + "|non distribuable|no se puede entregar|notificacion de estado de entrega|non recapitabile"
          + "|notifica (?:sullo )?stato (?:di )?consegna|onbestelbaar|niet bezorgd|nao (?:e possivel|foi possivel) entregar"
          + "|notificacao de status de entrega|olevererbart|ej levererat|ikke levert|kan ikke leveres|kunne ikke leveres"
          + "|toimitus ep|niedostarczaln|nedorucitel|недоставлен|не доставлен"
          // Japanese, Chinese, Korean
          + "|配信(?:エラー|不能|できませんでした|失敗)|送信エラー|エラーメール|返送|未達|退信|系统退信|无法送达|未送达"
          + "|전송 ?실패|배달 ?실패)");

  /**
   * Wording of delivery reports without a delivery-status part. Only read when the headers already point at a
   * bounce, so it may be broad.
   */
  private static final AlternationPrefilter BOUNCE_TEXT = AlternationPrefilter.of(List.of(
      "delivery to the following recipients? (?:failed|has been delayed|was aborted)",
      "(?:mail|message) delivery (?:failed|failure|has failed)", "undelivered mail returned to sender",
      "i'?m afraid i wasn'?t able to deliver", "wasn'?t able to deliver your message",
      "could not be delivered to (?:one or more|all of|any of)", "(?:message|mail) could not be delivered",
      "the following address(?:\\(es\\)|es)? failed", "delivery has failed to these recipients",
      "did not reach (?:some or all of )?the intended recipient", "(?:was|has) not been delivered",
      "was not delivered", "permanent (?:fatal )?error", "this is the mail system at host",
      "this is the qmail-send program", "unable to deliver (?:your |the |this )?message",
      "delivery status notification", "delivery (?:of email )?to this address", "has failed",
      "(?:user|mailbox|recipient|address) (?:unknown|unavailable|not found|does not exist|rejected)",
      "no such (?:user|mailbox|recipient)", "has not yet been delivered", "will (?:continue to )?retry",
      "still being retried", "delivery (?:failed|failure)", "returned mail", "delivery attempts? (?:will continue|failed)",
      "konnte nicht zugestellt werden", "nicht zugestellt", "n'a pas pu (?:etre|être) (?:remis|distribu)",
      "no se (?:ha )?pudo entregar", "non (?:e stato|è stato) (?:possibile )?recapitat", "kon niet worden bezorgd",
      "kunde inte levereras", "kunne ikke leveres", "nie m[oó]g[lł] zosta[cć] dostarczon"),
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * Sentences only delivery software writes. Enough, with a bounce subject, when no header names a mail system
   * (a bounce redirected by a forwarder); a person describing a delivery problem does not write these.
   */
  private static final AlternationPrefilter MTA_TEXT = AlternationPrefilter.of(List.of(
      "delivery to the following recipients? (?:failed|has been delayed)", "undelivered mail returned to sender",
      "i'?m afraid i wasn'?t able to deliver", "this is the mail system at host", "this is the qmail-send program",
      "created automatically by mail delivery software", "could not be delivered to one or more (?:of its )?recipients",
      "delivery has failed to these recipients", "did not reach (?:some or all of )?the intended recipient",
      "the following address(?:\\(es\\)|es)? failed", "automatically generated delivery status notification",
      "original message follows", "transcript of session follows"),
      Pattern.CASE_INSENSITIVE);

  /** Wording of a delay warning: the message is still queued, so the failure is not (yet) permanent. */
  private static final Pattern DELAY_TEXT = Pattern.compile(
      "\\bdela(?:y|yed)\\b|will (?:continue to )?(?:retry|be retried)|still being retried|has not yet been delivered"
          + "|temporary (?:failure|error|problem)|warning message only|do not need to resend|transient",
      Pattern.CASE_INSENSITIVE);

  /** Where the explanation ends and the returned message begins. */
  private static final Pattern ORIGINAL_MARKER = Pattern.compile(
      "(?im)^[ \\t>]*(?:-{2,}[ \\t]*(?:original message|this is a copy|enclosed is a copy|below this line"
          + "|message header|returned message|original message follows|message body|the original message)"
          + "|original message follows|the first \\d+ lines of your original message|received: from |return-path: <)");

  private static final Pattern STATUS_FIELD = Pattern.compile("(?im)^[ \\t]*status:[ \\t]*([245]\\.\\d{1,3}\\.\\d{1,3})");
  /** An SMTP reply code followed by an enhanced code: "550 5.1.1", "550-5.1.1", "550 #5.1.0". */
  private static final Pattern SMTP_ENHANCED = Pattern.compile("\\b[245]\\d\\d[ -]#?([245]\\.\\d{1,3}\\.\\d{1,3})\\b");
  /** qmail and some gateways: "(#5.1.1)". */
  private static final Pattern HASH_CODE = Pattern.compile("#([245]\\.\\d{1,3}\\.\\d{1,3})\\b");
  /** A bare enhanced code, not part of a version number or an address. */
  private static final Pattern BARE_CODE = Pattern.compile("(?<![\\d.])([45]\\.\\d{1,3}\\.\\d{1,3})(?![\\d.])");
  /** A plain SMTP reply code after the words that introduce one: "said: 550", "returned was: 421". */
  private static final Pattern SMTP_CODE = Pattern.compile(
      "(?i)(?:said|returned was|smtp error[^:]{0,20}|error|response|reply)[:\\s]+(?:\\(\\w+\\)\\s*)?([45])\\d\\d\\b");

  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]{1,63})+");
  private static final Pattern LINE_EMAIL = Pattern.compile("(?m)^[ \\t>]*[\"<]?(" + EMAIL.pattern() + ")");
  private static final Pattern MESSAGE_ID_LINE = Pattern.compile("(?im)^[ \\t>]*message-id:[ \\t]*<([^<>\\s]{3,250})>");
  /** Exchange and some MTAs name the bounced message in the delivery-status part itself. */
  private static final Pattern DSN_ORIGINAL_ID = Pattern.compile(
      "(?im)^[ \\t]*(?:x-)?original-message-id:[ \\t]*<([^<>\\s]+)>");
  private static final Pattern MSGID = Pattern.compile("<([^<>\\s]+)>");

  /** True when the subject is one delivery systems use for their reports. */
  public static boolean isBounceSubject(String subject) {
    return subject != null && isFoldedBounceSubject(OutOfOfficeSubjects.foldedHead(subject));
  }

  /** {@link #isBounceSubject} for a subject folded by {@link OutOfOfficeSubjects#foldedHead}. */
  static boolean isFoldedBounceSubject(String foldedHead) {
    // lookingAt: the pattern opens with "^", so find() matched only at the start too, after failing at every other
    return BOUNCE_SUBJECT.matcher(foldedHead).lookingAt();
  }

  /** The bounce wording found in the first part of the text, or null. */
  public static String bounceWording(String text) {
    if (text == null || text.isEmpty()) return null;
    String head = head(text, EXPLANATION_LIMIT);
    if (!BOUNCE_TEXT.mayMatch(head)) return null;
    Matcher m = BOUNCE_TEXT.pattern().matcher(head);
    return m.find() ? m.group() : null;
  }

  /** Wording only delivery software writes, in the first part of the text, or null. */
  public static String mtaWording(String text) {
    if (text == null || text.isEmpty()) return null;
    String head = head(text, EXPLANATION_LIMIT);
    if (!MTA_TEXT.mayMatch(head)) return null;
    Matcher m = MTA_TEXT.pattern().matcher(head);
    return m.find() ? m.group() : null;
  }

  /** True when a report status part is an RFC 3464 delivery status (per-recipient Action/Status fields). */
  public static boolean isDeliveryStatus(String status) {
    if (status == null) return false;
    String s = head(status, EXPLANATION_LIMIT).toLowerCase(Locale.ROOT);
    return s.contains("final-recipient:") || s.contains("action:") || s.contains("reporting-mta:")
        || STATUS_FIELD.matcher(s).find();
  }

  /**
   * Reads a bounce.
   *
   * @param mail the bounce
   * @param text the bounce's readable text (plain body, or the converted HTML)
   */
  public AutoGenerated.Bounce read(ParsedMail mail, String text) {
    ParsedMail.Report report = mail.report();
    String status = report == null ? null : report.status();
    String explanation = explanation(text);
    if (report != null && report.humanText() != null && (text == null || text.isEmpty())) {
      explanation = explanation(report.humanText());
    }

    Set<String> recipients = new LinkedHashSet<>();
    String code = null;
    boolean delayed = false;
    if (isDeliveryStatus(status)) {
      Dsn dsn = dsn(status);
      recipients.addAll(dsn.recipients);
      code = dsn.status;
      delayed = dsn.delayed;
    }
    for (String v : mail.headers().all("x-failed-recipients")) {
      for (String a : v.split(",")) addRecipient(recipients, a);
    }
    if (recipients.isEmpty()) recipients.addAll(textRecipients(mail, explanation));
    if (code == null) code = textCode(explanation);
    if (!delayed && code == null) {
      delayed = DELAY_TEXT.matcher(explanation).find()
          || mail.subject() != null && DELAY_TEXT.matcher(head(mail.subject(), 200)).find();
    }
    boolean hard = code != null ? code.startsWith("5") : !delayed;
    return new AutoGenerated.Bounce(List.copyOf(recipients), code, hard, originalMessageId(mail, status, text));
  }

  /** The per-recipient fields of a delivery-status part: the failed recipients first, then the status. */
  private record Dsn(List<String> recipients, String status, boolean delayed) {}

  private static Dsn dsn(String status) {
    List<String> failed = new ArrayList<>();
    List<String> others = new ArrayList<>();
    String failedCode = null, anyCode = null, diagnostic = null;
    boolean delayed = false;
    String recipient = null, action = null, code = null, diag = null;
    // Fields are read line by line; a blank line or a new Final-Recipient closes one recipient's group.
    String[] lines = splitLines(head(status, 32_000));
    List<String> fields = new ArrayList<>();
    for (String line : lines) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !fields.isEmpty()) {
        fields.set(fields.size() - 1, fields.get(fields.size() - 1) + " " + line.strip());
      } else {
        fields.add(line);
      }
    }
    fields.add("");
    for (String f : fields) {
      int colon = f.indexOf(':');
      String name = colon < 0 ? "" : f.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = colon < 0 ? "" : f.substring(colon + 1).strip();
      boolean close = f.isBlank() || name.equals("final-recipient") && recipient != null;
      if (close && (recipient != null || action != null || code != null)) {
        String c = code != null ? code : enhanced(diag);
        boolean failedGroup = action == null ? c != null && !c.startsWith("2") : action.startsWith("failed");
        if (action != null && action.startsWith("delayed")) delayed = true;
        if (recipient != null) (failedGroup || action != null && action.startsWith("delayed") ? failed : others).add(recipient);
        if (c != null) {
          if (failedGroup && failedCode == null) failedCode = c;
          if (anyCode == null) anyCode = c;
        }
        if (diagnostic == null) diagnostic = diag;
        recipient = action = code = diag = null;
      }
      switch (name) {
        case "final-recipient" -> recipient = address(value);
        case "original-recipient" -> { if (recipient == null) recipient = address(value); }
        case "action" -> action = value.toLowerCase(Locale.ROOT);
        case "status" -> {
          Matcher m = BARE_STATUS.matcher(value);
          if (m.find()) code = m.group(1);
        }
        case "diagnostic-code" -> diag = value;
        default -> { }
      }
    }
    String chosen = failedCode != null ? failedCode : anyCode;
    if (chosen == null) chosen = enhanced(diagnostic);
    if (chosen != null && chosen.startsWith("4")) delayed = true;
    return new Dsn(failed.isEmpty() ? others : failed, chosen, delayed);
  }

  /**
   * What String.split("\\r?\\n") splits at (it is Pattern.compile(regex).split(s, 0)), compiled once: a
   * two-character regex misses split's fast path, and compiling it was a third of reading a delivery status.
   */
  static final Pattern LINE_END = Pattern.compile("\\r?\\n");

  /**
   * LINE_END.split(s): the text cut at each LF or CRLF, trailing empty lines dropped (none at all when every line
   * is empty), the text itself when it has no LF. By hand: the regex split was most of reading a delivery status.
   */
  static String[] splitLines(String s) {
    int lf = s.indexOf('\n');
    if (lf < 0) return new String[] {s};
    List<String> out = new ArrayList<>();
    int start = 0;
    for (; lf >= 0; lf = s.indexOf('\n', start)) {
      out.add(s.substring(start, lf > start && s.charAt(lf - 1) == '\r' ? lf - 1 : lf));
      start = lf + 1;
    }
    out.add(s.substring(start));
    int size = out.size();
    while (size > 0 && out.get(size - 1).isEmpty()) size--;
    return out.subList(0, size).toArray(new String[0]);
  }

  private static final Pattern BARE_STATUS = Pattern.compile("([245]\\.\\d{1,3}\\.\\d{1,3})");

  private static String enhanced(String diagnostic) {
    if (diagnostic == null) return null;
    Matcher m = BARE_STATUS.matcher(diagnostic);
    return m.find() ? m.group(1) : null;
  }

  /** "rfc822; <a@b>" → "a@b". */
  private static String address(String value) {
    String v = value;
    int semi = v.indexOf(';');
    if (semi >= 0) v = v.substring(semi + 1);
    v = v.strip();
    if (v.startsWith("<") && v.endsWith(">")) v = v.substring(1, v.length() - 1);
    v = v.strip().toLowerCase(Locale.ROOT);
    return v.isEmpty() ? null : v;
  }

  private static void addRecipient(Set<String> into, String raw) {
    String a = address(raw);
    if (a != null && a.contains("@") && into.size() < MAX_RECIPIENTS) into.add(a);
  }

  /** The human explanation: the text up to the returned message, bounded. */
  static String explanation(String text) {
    if (text == null) return "";
    String t = head(text, EXPLANATION_LIMIT);
    Matcher m = ORIGINAL_MARKER.matcher(t);
    // A marker in the first lines is a heading ("--- The following addresses had errors"), not the copy.
    while (m.find()) {
      if (m.start() > 40) return t.substring(0, m.start());
    }
    return t;
  }

  /**
   * Addresses named in the explanation, except the bounce's own parties (the mail system and us, the original
   * sender), which reports mention too. Reports list the failed addresses at the start of a line ("<a@b>:",
   * "    a@b"); addresses inside the diagnostic prose (a blocklist's contact address) only count when no line
   * starts with one.
   */
  private static List<String> textRecipients(ParsedMail mail, String explanation) {
    Set<String> own = new LinkedHashSet<>();
    if (mail.from() != null && mail.from().address() != null) own.add(mail.from().address());
    for (MailAddress a : mail.to()) if (a.address() != null) own.add(a.address());
    if (mail.returnPath() != null) own.add(mail.returnPath());
    Set<String> out = new LinkedHashSet<>();
    collect(LINE_EMAIL.matcher(explanation), own, out);
    if (out.isEmpty()) collect(EMAIL.matcher(explanation), own, out);
    return List.copyOf(out);
  }

  private static void collect(Matcher m, Set<String> own, Set<String> out) {
    while (m.find() && out.size() < MAX_RECIPIENTS) {
      String a = m.group(m.groupCount()).toLowerCase(Locale.ROOT);
      while (a.endsWith(".")) a = a.substring(0, a.length() - 1);
      String local = a.substring(0, a.indexOf('@'));
      if (own.contains(a) || AutoGeneratedDetector.isDaemonLocalPart(local) || local.equals("postmaster")) continue;
      out.add(a);
    }
  }

  /** The most specific status code the explanation states, or null. */
  static String textCode(String explanation) {
    Matcher m = STATUS_FIELD.matcher(explanation);
    if (m.find()) return m.group(1);
    m = SMTP_ENHANCED.matcher(explanation);
    if (m.find()) return m.group(1);
    m = HASH_CODE.matcher(explanation);
    if (m.find()) return m.group(1);
    m = BARE_CODE.matcher(explanation);
    if (m.find()) return m.group(1);
    m = SMTP_CODE.matcher(explanation);
    if (m.find()) return m.group(1) + ".0.0";
    if (UNKNOWN_USER.matcher(explanation).find()) return "5.1.1";
    if (UNKNOWN_DOMAIN.matcher(explanation).find()) return "5.1.2";
    return null;
  }

  /**
   * Wording for the two failures that are always permanent, for reports that give no code (Exim, qmail, old
   * gateways). A full mailbox is left without a code: servers disagree whether it is temporary.
   */
  private static final Pattern UNKNOWN_USER = Pattern.compile("(?i)user unknown|unknown user|no such (?:user|mailbox)"
      + "|no mailbox here by that name|mailbox (?:not found|does not exist|unavailable)|recipient (?:unknown|not found)"
      + "|address (?:does not exist|unknown)|does not exist");
  private static final Pattern UNKNOWN_DOMAIN = Pattern.compile("(?i)unrouteable (?:mail )?domain|no such domain"
      + "|domain (?:name )?not found|host (?:or domain name )?not found|host unknown|unknown domain");

  /** The Message-ID of the returned mail: its attached headers, the DSN, or a Message-ID line in the body. */
  private static String originalMessageId(ParsedMail mail, String status, String text) {
    ParsedMail.Report report = mail.report();
    if (report != null && report.originalHeaders() != null) {
      String id = messageId(report.originalHeaders().first("Message-ID"));
      if (id != null) return id;
    }
    if (status != null) {
      Matcher m = DSN_ORIGINAL_ID.matcher(head(status, EXPLANATION_LIMIT));
      if (m.find()) return m.group(1);
    }
    for (String body : new String[] {text, report == null ? null : report.humanText()}) {
      if (body == null) continue;
      Matcher m = MESSAGE_ID_LINE.matcher(head(body, ORIGINAL_LIMIT));
      if (m.find()) return m.group(1);
    }
    return null;
  }

  private static String messageId(String v) {
    if (v == null) return null;
    Matcher m = MSGID.matcher(v);
    if (m.find()) return m.group(1);
    String t = v.strip();
    return t.isEmpty() || t.contains(" ") ? null : t;
  }

  private static String head(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }
}
