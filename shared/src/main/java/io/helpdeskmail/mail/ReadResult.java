package io.helpdeskmail.mail;

/** What reading raw bytes gave: a message, or the reason it could not be read (never an exception). */
public sealed interface ReadResult {
  record Read(ParsedMail mail) implements ReadResult {}

  record Unreadable(String error) implements ReadResult {}
}
