package io.helpdeskmail.rules;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Port: how busy agents are, for routing. The DynamoDB adapter reads it from the assignee index (no counters to
 * keep in step, no extra writes per ticket); {@link InMemory} serves `inspect` and tests.
 */
public interface AgentWorkload {
  /**
   * Last assignment time of each agent asked about (null when never assigned) and, when openCounts, their open
   * tickets (else 0: round robin does not need them and they cost a read each).
   */
  Map<String, Load> load(Collection<String> agents, boolean openCounts);

  /** Routing picked this agent; stores that keep no derived state ignore it. */
  default void assigned(String agent, Instant at) {}

  record Load(int openTickets, Instant lastAssigned) {
    public static final Load IDLE = new Load(0, null);
  }

  /** Counts assignments in memory, as if every assigned ticket stayed open. */
  final class InMemory implements AgentWorkload {
    private final Map<String, Load> loads = new HashMap<>();

    @Override
    public synchronized Map<String, Load> load(Collection<String> agents, boolean openCounts) {
      Map<String, Load> out = new HashMap<>();
      for (String a : agents) out.put(a, loads.getOrDefault(a, Load.IDLE));
      return out;
    }

    @Override
    public synchronized void assigned(String agent, Instant at) {
      // Strictly increasing times: with a coarse or frozen clock, equal times would hand every tie to the agent
      // listed first, and round robin would stop rotating.
      if (last != null && !at.isAfter(last)) at = last.plusNanos(1);
      last = at;
      Load l = loads.getOrDefault(agent, Load.IDLE);
      loads.put(agent, new Load(l.openTickets() + 1, at));
    }

    private Instant last;

    public synchronized void set(String agent, Load load) {
      loads.put(agent, load);
    }
  }
}
