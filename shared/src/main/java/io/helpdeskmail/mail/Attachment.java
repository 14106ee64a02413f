package io.helpdeskmail.mail;

/**
 * A file carried by a message (attachment, inline image, forwarded message, TNEF winmail.dat). contentType is
 * the sniffed true type, declaredType what the sender's client claimed; data is the decoded content.
 */
public record Attachment(String filename, String contentType, String declaredType, long size, String sha256,
    boolean inline, String contentId, Kind kind, byte[] data) {

  /** What the part is to a helpdesk: a plain file, an inline image, a forwarded message, or Outlook TNEF. */
  public enum Kind { FILE, INLINE_IMAGE, MESSAGE, TNEF }
}
