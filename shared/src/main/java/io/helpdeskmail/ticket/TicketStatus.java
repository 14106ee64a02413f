package io.helpdeskmail.ticket;

/**
 * Where a ticket is in its life. SOLVED reopens when the requester writes again; CLOSED never reopens (a reply
 * opens a linked follow-up ticket instead); SPAM holds mail flagged by the SES verdict, kept for review.
 */
public enum TicketStatus {
  NEW, OPEN, PENDING, ON_HOLD, SOLVED, CLOSED, SPAM;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public static TicketStatus ofCode(String code) {
    return valueOf(code.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
  }
}
