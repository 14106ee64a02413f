package io.helpdeskmail.ticket;

/** How an inbound mail joins the ticket history; rule() is what the message item records as threadedBy. */
public sealed interface ThreadDecision {
  String rule();

  /** Belongs to an existing ticket. */
  record Existing(Ticket ticket, String rule) implements ThreadDecision {}

  /** Starts a new ticket (linkedFrom: the closed ticket it follows up, or null). */
  record NewTicket(Long linkedFrom, String rule) implements ThreadDecision {}
}
