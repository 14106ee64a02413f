package io.helpdeskmail.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks an agent inside a team: available agents who speak the ticket's language and have every skill it needs
 * (seniors only for VIP tickets), then by the team's strategy. Round robin is "the qualified agent who waited
 * longest since an assignment", which is strict rotation when tickets come one by one and needs no shared
 * counter (so no extra write per ticket); ties go in the configuration's order. Nobody qualified: unassigned,
 * and the trace says why, so a lead can pick it up.
 */
public final class Router {
  private final AgentWorkload workload;
  private final Clock clock;

  public Router(AgentWorkload workload, Clock clock) {
    this.workload = workload;
    this.clock = clock;
  }

  /** The agent chosen (or null) and the explanation for the trace. */
  public record Decision(String agent, String reason) {}

  public Decision route(Team team, String language, Set<String> skills, boolean vip) {
    List<Agent> qualified = new ArrayList<>();
    for (Agent a : team.agents()) {
      if (!a.available()) continue;
      if (language != null && !a.languages().isEmpty() && !a.languages().contains(language)) continue;
      if (!a.skills().containsAll(skills)) continue;
      if (vip && !a.senior()) continue;
      qualified.add(a);
    }
    String needs = needs(language, skills, vip);
    if (qualified.isEmpty()) {
      return new Decision(null, "team " + team.name() + ": no available agent" + (needs.isEmpty() ? "" : " with " + needs)
          + "; left unassigned");
    }
    List<String> emails = new ArrayList<>(qualified.size());
    for (Agent a : qualified) emails.add(a.email());
    boolean leastOpen = team.strategy() == Team.Strategy.LEAST_OPEN;
    Map<String, AgentWorkload.Load> load = workload.load(emails, leastOpen);
    // The first of equals wins, so ties go in the configuration's order.
    Agent chosen = qualified.get(0);
    for (Agent a : qualified) if (before(load(load, a), load(load, chosen), leastOpen)) chosen = a;
    workload.assigned(chosen.email(), clock.instant());
    AgentWorkload.Load l = load.getOrDefault(chosen.email(), AgentWorkload.Load.IDLE);
    return new Decision(chosen.email(), "team " + team.name() + ", " + team.strategy().label() + " among "
        + qualified.size() + " qualified" + (needs.isEmpty() ? "" : " (" + needs + ")") + ": " + chosen.email()
        + (team.strategy() == Team.Strategy.LEAST_OPEN ? " with " + l.openTickets() + " open" : ""));
  }

  private static AgentWorkload.Load load(Map<String, AgentWorkload.Load> load, Agent a) {
    AgentWorkload.Load l = load.get(a.email());
    return l == null ? AgentWorkload.Load.IDLE : l;
  }

  /** Whether a goes before b: fewer open tickets first for least-open, then who was assigned longest ago. */
  private static boolean before(AgentWorkload.Load a, AgentWorkload.Load b, boolean leastOpen) {
    if (leastOpen && a.openTickets() != b.openTickets()) return a.openTickets() < b.openTickets();
    if (a.lastAssigned() == null) return b.lastAssigned() != null;
    return b.lastAssigned() != null && a.lastAssigned().isBefore(b.lastAssigned());
  }

  private static String needs(String language, Set<String> skills, boolean vip) {
    List<String> n = new ArrayList<>();
    if (language != null) n.add("language " + language);
    if (!skills.isEmpty()) {
      List<String> sorted = new ArrayList<>(skills);
      java.util.Collections.sort(sorted);
      n.add("skills " + String.join(", ", sorted));
    }
    if (vip) n.add("senior for VIP");
    return String.join(", ", n);
  }
}
