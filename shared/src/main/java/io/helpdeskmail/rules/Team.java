package io.helpdeskmail.rules;

import java.util.List;
import java.util.Set;

/** A team with its agents, in the configuration's order, and how it shares new tickets among them. */
public record Team(String name, Strategy strategy, List<Agent> agents) {
  /** round-robin: the qualified agent who waited longest since an assignment; least-open: fewest open tickets. */
  public enum Strategy {
    ROUND_ROBIN("round-robin"), LEAST_OPEN("least-open");

    private final String label;

    Strategy(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static java.util.Optional<Strategy> of(String s) {
      for (Strategy v : values()) if (v.label.equals(s)) return java.util.Optional.of(v);
      return java.util.Optional.empty();
    }
  }

  public Team {
    agents = List.copyOf(agents);
  }

  public Set<String> members() {
    Set<String> out = new java.util.HashSet<>();
    for (Agent a : agents) out.add(a.email());
    return Set.copyOf(out);
  }
}
