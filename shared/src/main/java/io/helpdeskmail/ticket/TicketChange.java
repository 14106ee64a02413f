package io.helpdeskmail.ticket;

import java.util.Collection;
import java.util.List;

/**
 * One update of a ticket's META item, written at once: a new status (null keeps it), participants to add, new
 * routing (null keeps it), and whether a message was added (the message count rules read).
 */
public record TicketChange(TicketStatus status, List<String> newParticipants, Routing routing, boolean newMessage) {
  public TicketChange {
    newParticipants = List.copyOf(newParticipants);
  }

  public static TicketChange status(TicketStatus status) {
    return new TicketChange(status, List.of(), null, false);
  }

  public static TicketChange message(TicketStatus status, Collection<String> participants, Routing routing) {
    return new TicketChange(status, List.copyOf(participants), routing, true);
  }
}
