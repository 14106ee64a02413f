package io.helpdeskmail.ticket;

import java.time.Instant;

/**
 * An audit entry on a ticket: reopened, bounce received, spam flagged, linked follow-up... key makes the write
 * idempotent (the same inbound delivery processed twice writes the same event once).
 */
public record TicketEvent(long ticket, Instant at, String key, String type, String detail) {}
