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

  /** Creates the ticket unless it exists (a retried delivery may get here twice). */
  void create(Ticket ticket);

  /** Stores a message; the same key written twice stores it once. */
  void add(TicketMessage message);

  boolean hasMessage(long ticket, String messageKey);

  /** After a new inbound message: the new status (or null to keep it) and participants to add. */
  void touch(long ticket, TicketStatus newStatus, Collection<String> newParticipants, Instant at);

  void add(TicketEvent event);

  List<TicketMessage> messages(long ticket);

  List<TicketEvent> events(long ticket);

  /** Adds an address to the suppression list (hard bounce, complaint): no more automatic mail to it. */
  void suppress(String address, String reason, Instant at);

  boolean isSuppressed(String address);
}
