package io.helpdeskmail.mail;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A message read once at the edge into our own immutable value: decoded headers, bodies and attachments, plus
 * the machine-readable parts of reports (delivery status, feedback, the returned original's headers) that
 * bounce and complaint handling need. Nothing inward ever sees a MimeMessage.
 *
 * @param text the text/plain body (format=flowed joined), or null when the message has none
 * @param html the raw text/html body, or null
 * @param report the parts of a multipart/report, or null when the message is not one
 */
public record ParsedMail(
    String messageId,
    String inReplyTo,
    List<String> references,
    MailAddress from,
    MailAddress sender,
    List<MailAddress> replyTo,
    List<MailAddress> to,
    List<MailAddress> cc,
    String returnPath,
    String subject,
    OffsetDateTime date,
    MailHeaders headers,
    String text,
    String html,
    List<Attachment> attachments,
    Report report,
    long size) {

  /**
   * The machine-readable parts of a report or returned mail.
   *
   * @param reportType multipart/report's report-type (delivery-status, feedback-report, disposition-notification)
   * @param status the message/delivery-status (or message/feedback-report) text
   * @param humanText the first text part, the human-readable explanation
   * @param originalHeaders headers of the returned message (message/rfc822 or text/rfc822-headers)
   */
  public record Report(String reportType, String status, String humanText, MailHeaders originalHeaders) {}

  /**
   * The sender a helpdesk answers: From when it has a usable address, else Reply-To, else Sender. A From
   * rewritten by a list for DMARC ("'Jane Doe' via Support", Google Groups and Mailman style) stands for the
   * person in Reply-To, so that person is the requester then.
   */
  public MailAddress requester() {
    if (from != null && from.usable() && from.name() != null && from.name().contains(" via ")) {
      for (MailAddress a : replyTo) {
        if (a.usable() && !a.address().equals(from.address())) return a;
      }
    }
    if (from != null && from.usable()) return from;
    for (MailAddress a : replyTo) if (a.usable()) return new MailAddress(a.address(), a.name() != null ? a.name()
        : from == null ? null : from.name());
    if (sender != null && sender.usable()) return new MailAddress(sender.address(), sender.name() != null
        ? sender.name() : from == null ? null : from.name());
    return from;
  }
}
