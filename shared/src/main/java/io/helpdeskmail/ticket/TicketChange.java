package io.helpdeskmail.ticket;

import java.util.Collection;
import java.util.List;

/**
 * One update of a ticket's META item, written at once: a new status (null keeps it), participants to add, new
 * routing (null keeps it), and the key of the message that caused it (null for changes without a message). The
 * message key makes the update idempotent: a change for the same message applies once, however often the
 * delivery is retried, and it counts the message (rules read the count).
 */
public record TicketChange(TicketStatus status, List<String> newParticipants, Routing routing, String messageKey) {
  public TicketChange {
    newParticipants = List.copyOf(newParticipants);
  }

  public static TicketChange status(TicketStatus status) {
    return new TicketChange(status, List.of(), null, null);
  }

  public static TicketChange message(String messageKey, TicketStatus status, Collection<String> participants,
      Routing routing) {
    return new TicketChange(status, List.copyOf(participants), routing, messageKey);
  }
}
