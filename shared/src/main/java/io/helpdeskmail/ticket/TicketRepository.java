package io.helpdeskmail.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage port for tickets, their messages and events, Message-ID claims and the suppression list. The DynamoDB
 * adapter implements it in one table; tests may use the real adapter against DynamoDB Local.
 */
public interface TicketRepository {
  /** Claims of the given Message-IDs that exist, by id (one batched read). */
  Map<String, MessageClaim> claims(Collection<String> messageIds);

  /** Claims the id for a ticket; empty when it is newly ours, else the claim that was already there. */
  Optional<MessageClaim> claim(MessageClaim claim);

  /** A fresh human ticket number (atomic counter). */
  long nextTicketNumber();

  Optional<Ticket> find(long number);

  /**
   * Creates the ticket unless it exists (a retried or concurrent delivery may get here twice); true when this call
   * created it. firstMessageKey marks the first message's change as applied (see {@link TicketChange}).
   */
  boolean create(Ticket ticket, String firstMessageKey);

  /** Stores a message; the same key written twice stores it once (the first write stands). */
  void add(TicketMessage message);

  boolean hasMessage(long ticket, String messageKey);

  /**
   * Applies a change to the ticket in one write; a new assignee moves the ticket between the work lists. False
   * when the change's message was already applied (a retried delivery): nothing was written.
   */
  boolean update(Ticket before, TicketChange change, Instant at);

  /** A status change alone (agents' actions, tests). */
  default void changeStatus(long ticket, TicketStatus status, Instant at) {
    update(find(ticket).orElseThrow(() -> new IllegalArgumentException("no ticket " + ticket)),
        TicketChange.status(status), at);
  }

  void add(TicketEvent event);

  List<TicketMessage> messages(long ticket);

  /** All events of a ticket: its own event items and the events its messages carry (threading, rules), oldest first. */
  List<TicketEvent> events(long ticket);

  /** Adds an address to the suppression list (hard bounce, complaint): no more automatic mail to it. */
  void suppress(String address, String reason, Instant at);

  boolean isSuppressed(String address);
}
