package io.helpdeskmail.inbound;

import io.helpdeskmail.ticket.ReplyAddress;
import java.util.Locale;
import java.util.Set;

/**
 * What ingest needs to know about this deployment: our support addresses (mail from them is a loop), where
 * derived objects go in the mail bucket, and how much visible text a message item keeps inline.
 */
public record InboundSettings(Set<String> supportAddresses, Set<String> ownDomains, String attachmentsPrefix,
    String bodiesPrefix, String quarantinePrefix, int inlineTextLimitBytes) {

  public InboundSettings {
    supportAddresses = Set.copyOf(supportAddresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList());
    ownDomains = Set.copyOf(ownDomains.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList());
  }

  /** A support address, a signed reply address made from one, or any address at a no-reply/mailer of ours. */
  public boolean isOwnAddress(String address) {
    if (address == null) return false;
    String a = ReplyAddress.base(address.toLowerCase(Locale.ROOT));
    if (supportAddresses.contains(a)) return true;
    int at = a.lastIndexOf('@');
    return at > 0 && ownDomains.contains(a.substring(at + 1)) && (a.startsWith("no-reply@") || a.startsWith("noreply@")
        || a.startsWith("helpdesk@"));
  }
}
