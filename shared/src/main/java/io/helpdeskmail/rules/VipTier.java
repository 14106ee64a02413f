package io.helpdeskmail.rules;

import java.util.Set;

/** A tier of VIP customers, by exact address or by domain (a domain also covers its subdomains). */
public record VipTier(String name, Set<String> addresses, Set<String> domains) {
  public VipTier {
    addresses = Set.copyOf(addresses);
    domains = Set.copyOf(domains);
  }

  public boolean covers(String address) {
    if (address == null) return false;
    String a = address.toLowerCase(java.util.Locale.ROOT);
    if (addresses.contains(a)) return true;
    int at = a.lastIndexOf('@');
    for (String d = at < 0 ? a : a.substring(at + 1); !d.isEmpty(); ) {
      if (domains.contains(d)) return true;
      int dot = d.indexOf('.');
      if (dot < 0) break;
      d = d.substring(dot + 1);
    }
    return false;
  }
}
