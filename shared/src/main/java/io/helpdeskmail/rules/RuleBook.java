package io.helpdeskmail.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the rules stage reads from the helpdesk configuration, validated. */
public record RuleBook(List<Department> departments, List<Team> teams, List<VipTier> vipTiers,
    Map<String, CustomField> fields, ToneLexicon tone, List<Rule> rules) {
  public static final RuleBook EMPTY = new RuleBook(List.of(), List.of(), List.of(), Map.of(), ToneLexicon.EMPTY, List.of());

  public RuleBook {
    departments = List.copyOf(departments);
    teams = List.copyOf(teams);
    vipTiers = List.copyOf(vipTiers);
    fields = Map.copyOf(fields);
    rules = List.copyOf(rules);
  }

  public Optional<Team> team(String name) {
    for (Team t : teams) if (t.name().equals(name)) return Optional.of(t);
    return Optional.empty();
  }

  public Optional<Department> department(String name) {
    for (Department d : departments) if (d.name().equals(name)) return Optional.of(d);
    return Optional.empty();
  }
}
