package io.helpdeskmail.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A support case as stored: its human number, state, who asked, who else takes part (their subject tokens
 * thread), and the routing fields the rules stage fills. linkedFrom names the closed ticket a follow-up came from.
 */
public record Ticket(
    long number,
    TicketStatus status,
    String subject,
    String requester,
    String requesterName,
    Set<String> participants,
    String supportAddress,
    String department,
    String priority,
    String language,
    List<String> tags,
    Long linkedFrom,
    Instant createdAt,
    Instant updatedAt) {

  public Ticket {
    participants = Set.copyOf(participants);
    tags = List.copyOf(tags);
  }

  /** The requester, or anyone already in the conversation (From/To/Cc of earlier mail). */
  public boolean isParticipant(String address) {
    return address != null && (address.equalsIgnoreCase(requester) || participants.contains(address.toLowerCase(java.util.Locale.ROOT)));
  }
}
