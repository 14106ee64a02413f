package io.helpdeskmail.ticket;

import java.time.Instant;
import java.util.Set;

/**
 * A support case as stored: its human number, state, who asked, who else takes part (their subject tokens
 * thread), the routing the rules stage decided, and how many messages it holds (rules can test it). linkedFrom names the closed ticket a follow-up came from.
 */
public record Ticket(
    long number,
    TicketStatus status,
    String subject,
    String requester,
    String requesterName,
    Set<String> participants,
    String supportAddress,
    String language,
    Routing routing,
    int messageCount,
    Long linkedFrom,
    Instant createdAt,
    Instant updatedAt) {

  public Ticket {
    participants = Set.copyOf(participants);
    if (routing == null) routing = Routing.NONE;
  }

  /** The requester, or anyone already in the conversation (From/To/Cc of earlier mail). */
  public boolean isParticipant(String address) {
    return address != null && (address.equalsIgnoreCase(requester) || participants.contains(address.toLowerCase(java.util.Locale.ROOT)));
  }
}
