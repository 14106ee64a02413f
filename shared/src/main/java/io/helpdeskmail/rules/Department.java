package io.helpdeskmail.rules;

import java.util.List;
import java.util.Set;

/**
 * A department of the helpdesk: the support addresses that reach it, the team that works its tickets, its
 * business calendar (for SLA times and offline acknowledgements) and the custom fields its tickets carry.
 */
public record Department(String name, Set<String> addresses, String team, String calendar, List<String> fields,
    boolean fallback) {
  public Department {
    addresses = Set.copyOf(addresses);
    fields = List.copyOf(fields);
  }
}
