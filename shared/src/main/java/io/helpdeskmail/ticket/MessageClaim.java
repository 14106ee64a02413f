package io.helpdeskmail.ticket;

import java.time.Instant;

/**
 * Who owns a Message-ID: the ticket it belongs to and the message key it is stored under. Claimed with a
 * conditional write, this is both our idempotency record (a redelivered mail finds its claim) and the index
 * that threads replies by In-Reply-To/References, including the SES-assigned ids of the mail we send.
 */
public record MessageClaim(String messageId, long ticket, String messageKey, Instant receivedAt, String rawKey) {}
