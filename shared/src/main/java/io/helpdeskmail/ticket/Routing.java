package io.helpdeskmail.ticket;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a ticket sits and how it is labelled, as the rules stage set it: department, category, priority, tags,
 * the requester's VIP tier, team, assignee and custom fields (order number, subscription id...).
 */
public record Routing(String department, String category, String priority, List<String> tags, String tier,
    String team, String assignee, Map<String, String> customFields) {
  public static final Routing NONE = new Routing(null, null, null, List.of(), null, null, null, Map.of());

  public Routing {
    tags = List.copyOf(tags);
    customFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
  }
}
