package io.helpdeskmail.mail;

/** Tells the true media type of a file from its first bytes and name, whatever the sender's client declared. */
public interface ContentSniffer {
  String sniff(byte[] data, String filename, String declaredType);

  /** Trusts the declared type; for tests and callers that have no sniffer. */
  ContentSniffer DECLARED = (data, filename, declared) -> declared;
}
