package io.helpdeskmail.inbound;

/** What ingesting one delivery did; every branch is a value the handler logs and tests assert on. */
public sealed interface IngestOutcome {
  record Created(long ticket, String messageKey, String rule) implements IngestOutcome {}

  record Threaded(long ticket, String messageKey, String rule) implements IngestOutcome {}

  /** The same mail was already ingested (redelivery, or addressed to two support addresses). */
  record Duplicate(long ticket, String messageKey) implements IngestOutcome {}

  /** A delivery failure report: recorded on the original's ticket (when found) and fed to suppression. */
  record BounceRecorded(Long ticket, java.util.List<String> suppressed) implements IngestOutcome {}

  /** Virus verdict: copied to quarantine, no ticket. */
  record Quarantined(String quarantineKey) implements IngestOutcome {}

  /** Deliberately not ingested (mail loop, auto-reply to nothing of ours). */
  record Dropped(String reason) implements IngestOutcome {}

  /** Could not be processed; sent to the dead-letter queue for replay. */
  record DeadLettered(String reason) implements IngestOutcome {}
}
