package io.helpdeskmail.rules;

import io.helpdeskmail.mail.Attachment;
import io.helpdeskmail.mail.InspectedMail;
import io.helpdeskmail.mail.MailAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The message (or ticket update) rules look at. attachmentText is a supplier because extracting text from
 * attachments is the one costly fact: it runs only when a condition reaches it.
 *
 * @param text the visible text (the reply without quoted history and signature)
 * @param fullText the whole text body, quotes included
 * @param to recipients (envelope, To, Cc), lower case
 * @param status the ticket's status, or null for a new ticket
 * @param previousStatus the status before a status change, else null
 */
public record RuleInput(String subject, String text, String fullText, Supplier<String> attachmentText, String from,
    List<String> to, String language, List<AttachmentInfo> attachments, int messageCount, String status,
    String previousStatus) {

  /** An attachment's file name and (sniffed) content type. */
  public record AttachmentInfo(String filename, String contentType) {}

  /**
   * Rules read at most this much of each text. Customer prose is far shorter (the corpus median visible text is
   * under 100 characters); what runs longer is pasted logs or documents, where a keyword proves little and a
   * regular expression written for prose could scan megabytes per rule.
   */
  public static final int MAX_TEXT_CHARS = 32 * 1024;

  public RuleInput {
    to = List.copyOf(to);
    attachments = List.copyOf(attachments);
    subject = clip(subject);
    text = clip(text);
    fullText = clip(fullText);
    if (attachmentText == null) attachmentText = () -> "";
  }

  private static String clip(String s) {
    if (s == null) return "";
    if (s.length() <= MAX_TEXT_CHARS) return s;
    int end = MAX_TEXT_CHARS;
    if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
    return s.substring(0, end);
  }

  /** The same message as one on an existing ticket: its place in the conversation and the ticket's status. */
  public RuleInput onTicket(int messageCount, String status, String previousStatus) {
    return new RuleInput(subject, text, fullText, attachmentText, from, to, language, attachments, messageCount,
        status, previousStatus);
  }

  /** A new inbound mail, as the inbound pipeline inspected it. */
  public static RuleInput of(InspectedMail im, List<String> recipients, AttachmentText extractor) {
    var mail = im.mail();
    MailAddress from = mail.requester();
    List<AttachmentInfo> atts = new ArrayList<>();
    for (Attachment a : mail.attachments()) atts.add(new AttachmentInfo(a.filename(), a.contentType()));
    List<Attachment> parts = mail.attachments();
    return new RuleInput(mail.subject(), im.body().visible(), im.text(),
        parts.isEmpty() || extractor == null ? () -> "" : () -> extractor.extract(parts),
        from == null ? null : from.address(), recipients, im.language(), atts, 1, null, null);
  }

  /** The recipients a mail names, lower case, for rules and department choice (To, then Cc). */
  public static List<String> recipients(InspectedMail im) {
    List<String> r = new ArrayList<>();
    for (List<MailAddress> l : List.of(im.mail().to(), im.mail().cc())) {
      for (MailAddress a : l) if (a.address() != null && !r.contains(a.address())) r.add(a.address());
    }
    return r;
  }
}
