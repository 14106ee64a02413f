package io.helpdeskmail.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a ticket goes and how it is labelled, with the trace of every decision (matchedRules): what `inspect
 * --config` prints and what the ticket stores.
 *
 * @param tier the VIP tier of the requester, or null for ordinary customers
 * @param skills skills an agent needs for this ticket (set by rules; routing honours them)
 */
public record Classification(
    String department,
    String category,
    String priority,
    List<String> tags,
    String tier,
    String team,
    String assignee,
    Set<String> skills,
    Map<String, String> customFields,
    List<MatchedRule> matchedRules) {

  public static final Classification NONE =
      new Classification(null, null, null, List.of(), null, null, null, Set.of(), Map.of(), List.of());

  public Classification {
    tags = List.copyOf(tags);
    skills = Set.copyOf(skills);
    customFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
    matchedRules = List.copyOf(matchedRules);
  }

  public boolean vip() {
    return tier != null;
  }

  /**
   * The trace as an event's text: a "rule: condition" line per step, each condition cut at maxCondition
   * characters (an event carried on a message item must stay small).
   */
  public String traceText(int maxCondition) {
    StringBuilder sb = new StringBuilder();
    for (MatchedRule m : matchedRules) {
      if (sb.length() > 0) sb.append('\n');
      String cond = m.condition().length() <= maxCondition ? m.condition()
          : m.condition().substring(0, maxCondition) + "...";
      sb.append(m.rule()).append(": ").append(cond);
    }
    return sb.toString();
  }

  /** What the ticket stores of it (the trace goes to an event; required skills are not kept). */
  public io.helpdeskmail.ticket.Routing routing() {
    return new io.helpdeskmail.ticket.Routing(department, category, priority, tags, tier, team, assignee, customFields);
  }

  /** A stored ticket's routing as the starting point of an update's rules; the trace starts empty. */
  public static Classification of(io.helpdeskmail.ticket.Routing r) {
    return new Classification(r.department(), r.category(), r.priority(), r.tags(), r.tier(), r.team(), r.assignee(),
        Set.of(), r.customFields(), List.of());
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The mutable state rules work on; later rules see what earlier ones set. The trace starts empty. */
  public static final class Builder {
    String department, category, priority, tier, team, assignee;
    final LinkedHashSet<String> tags;
    final LinkedHashSet<String> skills;
    final Map<String, String> customFields;
    final List<MatchedRule> trace = new ArrayList<>();

    Builder(Classification c) {
      department = c.department;
      category = c.category;
      priority = c.priority;
      tier = c.tier;
      team = c.team;
      assignee = c.assignee;
      tags = new LinkedHashSet<>(c.tags);
      skills = new LinkedHashSet<>(c.skills);
      customFields = new LinkedHashMap<>(c.customFields);
    }

    public Builder department(String v) { department = v; return this; }
    public Builder team(String v) { team = v; return this; }
    public Builder tier(String v) { tier = v; return this; }
    public Builder assignee(String v) { assignee = v; return this; }
    public Builder tag(String v) { tags.add(v); return this; }

    public String department() { return department; }
    public String team() { return team; }
    public String assignee() { return assignee; }
    public String tier() { return tier; }
    public String priority() { return priority; }
    public Set<String> tags() { return tags; }
    public Set<String> skills() { return skills; }

    public Builder trace(String rule, String condition) {
      trace.add(new MatchedRule(rule, condition));
      return this;
    }

    public Classification build() {
      return new Classification(department, category, priority, new ArrayList<>(tags), tier, team, assignee,
          skills, customFields, trace);
    }
  }
}
