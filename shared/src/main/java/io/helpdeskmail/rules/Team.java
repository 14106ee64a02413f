package io.helpdeskmail.rules;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
      return java.util.Arrays.stream(values()).filter(v -> v.label.equals(s)).findFirst();
    }
  }

  public Team {
    agents = List.copyOf(agents);
  }

  public Set<String> members() {
    return agents.stream().map(Agent::email).collect(Collectors.toUnmodifiableSet());
  }
}
