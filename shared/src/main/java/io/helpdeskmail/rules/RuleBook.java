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
    return teams.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<Department> department(String name) {
    return departments.stream().filter(d -> d.name().equals(name)).findFirst();
  }
}
