package io.helpdeskmail.inbound;

/**
 * Object storage port for mail: raw messages SES stored, plus what ingest writes next to them (attachments,
 * long bodies, quarantined copies). The S3 adapter implements it.
 */
public interface RawMailStore {
  /** The raw message bytes; throws when the object is missing or unreadable (the delivery is then retried). */
  byte[] read(String bucket, String key);

  void put(String bucket, String key, byte[] data, String contentType);

  void copy(String bucket, String fromKey, String toKey);
}
