package io.helpdeskmail.mail;

import java.util.Locale;

/** One mailbox as a helpdesk sees it: a lower-cased address (may be null when unparseable) and a display name. */
public record MailAddress(String address, String name) {
  public MailAddress {
    address = address == null || address.isBlank() ? null : address.trim().toLowerCase(Locale.ROOT);
    name = name == null || name.isBlank() ? null : name.strip();
  }

  /** True when the address has a local part and a domain, so mail could be sent back to it. */
  public boolean usable() {
    if (address == null) return false;
    int at = address.lastIndexOf('@');
    return at > 0 && at < address.length() - 1 && address.indexOf(' ') < 0;
  }

  /** The domain part, or "" when there is none. */
  public String domain() {
    if (address == null) return "";
    int at = address.lastIndexOf('@');
    return at < 0 ? "" : address.substring(at + 1);
  }

  /** The local part, or the whole address when it has no '@'. */
  public String localPart() {
    if (address == null) return "";
    int at = address.lastIndexOf('@');
    return at < 0 ? address : address.substring(0, at);
  }
}
