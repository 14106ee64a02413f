package io.helpdeskmail.mail;

/** Reads raw RFC 5322 bytes into a {@link ParsedMail}. Implementations never throw on any input. */
public interface MailReader {
  ReadResult read(byte[] raw);
}
