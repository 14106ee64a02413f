package io.helpdeskmail.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /** A clock that moves one second each time it is read, as tickets arriving one by one. */
  static final class TickingClock extends Clock {
    private Instant now;

    TickingClock(Instant start) {
      now = start;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      Instant t = now;
      now = now.plusSeconds(1);
      return t;
    }
  }

  private static Agent agent(String email, Set<String> languages, Set<String> skills, boolean senior, boolean available) {
    return new Agent(email, null, languages, skills, senior, available);
  }

  private static Agent plain(String email) {
    return agent(email, Set.of(), Set.of(), false, true);
  }

  private static Team team(Team.Strategy strategy, Agent... agents) {
    return new Team("desk", strategy, List.of(agents));
  }

  private static Map<String, Integer> share(Router router, Team team, int tickets) {
    Map<String, Integer> count = new LinkedHashMap<>();
    for (Agent a : team.agents()) count.put(a.email(), 0);
    for (int i = 0; i < tickets; i++) count.merge(router.route(team, null, Set.of(), false).agent(), 1, Integer::sum);
    return count;
  }

  // ---- round robin ------------------------------------------------------------------------------------------

  @Test
  void route_shouldShareThousandTicketsEvenly_whenTeamIsRoundRobin() {
    for (int n = 1; n <= 7; n++) {
      // GIVEN a round-robin team of n agents and a fresh workload
      Agent[] agents = new Agent[n];
      for (int i = 0; i < n; i++) agents[i] = plain("agent" + i + "@shop.example");
      Router router = new Router(new AgentWorkload.InMemory(), new TickingClock(T0));
      // WHEN 1,000 tickets arrive one by one
      Map<String, Integer> share = share(router, team(Team.Strategy.ROUND_ROBIN, agents), 1000);
      // THEN each agent gets 1000/n, give or take one, and together they get all
      int total = 0;
      for (var e : share.entrySet()) {
        assertTrue(Math.abs(e.getValue() - 1000.0 / n) < 1.0, n + " agents: " + share);
        total += e.getValue();
      }
      assertEquals(1000, total);
    }
  }

  @Test
  void route_shouldRotateInConfigOrder_whenNobodyWasAssignedYet() {
    // GIVEN a round-robin team of three new agents
    Router router = new Router(new AgentWorkload.InMemory(), new TickingClock(T0));
    Team t = team(Team.Strategy.ROUND_ROBIN, plain("c@x.example"), plain("a@x.example"), plain("b@x.example"));
    // WHEN seven tickets arrive
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 7; i++) order.add(router.route(t, null, Set.of(), false).agent());
    // THEN they go round in the configuration's order (not alphabetical)
    assertEquals(List.of("c@x.example", "a@x.example", "b@x.example", "c@x.example", "a@x.example", "b@x.example",
        "c@x.example"), order);
  }

  @Test
  void route_shouldPickLeastRecentlyAssigned_whenLoadsArePreset() {
    // GIVEN agents last assigned at different times, the first most recently, one never
    AgentWorkload.InMemory load = new AgentWorkload.InMemory();
    load.set("a@x.example", new AgentWorkload.Load(0, T0.minusSeconds(10)));
    load.set("b@x.example", new AgentWorkload.Load(9, T0.minusSeconds(3600)));
    load.set("c@x.example", new AgentWorkload.Load(0, T0.minusSeconds(60)));
    Router router = new Router(load, new TickingClock(T0));
    Team t = team(Team.Strategy.ROUND_ROBIN, plain("a@x.example"), plain("b@x.example"), plain("c@x.example"),
        plain("d@x.example"));
    // WHEN four tickets arrive
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 4; i++) order.add(router.route(t, null, Set.of(), false).agent());
    // THEN never-assigned first, then longest waiting; open tickets do not matter to round robin
    assertEquals(List.of("d@x.example", "b@x.example", "c@x.example", "a@x.example"), order);
  }

  @Test
  void route_shouldRecordAssignment_whenAgentIsChosen() {
    // GIVEN a workload and a clock
    AgentWorkload.InMemory load = new AgentWorkload.InMemory();
    Router router = new Router(load, Clock.fixed(T0, ZoneOffset.UTC));
    // WHEN
    Router.Decision d = router.route(team(Team.Strategy.ROUND_ROBIN, plain("a@x.example")), null, Set.of(), false);
    // THEN the workload knows of it, at the clock's time, and the reason explains the choice
    assertEquals(new AgentWorkload.Load(1, T0), load.load(List.of("a@x.example"), true).get("a@x.example"));
    assertEquals("team desk, round-robin among 1 qualified: a@x.example", d.reason());
  }

  // ---- least open -------------------------------------------------------------------------------------------

  @Test
  void route_shouldPickFewestOpenTickets_whenTeamIsLeastOpen() {
    // GIVEN a least-open team with preset loads
    AgentWorkload.InMemory load = new AgentWorkload.InMemory();
    load.set("a@x.example", new AgentWorkload.Load(5, T0.minusSeconds(7200)));
    load.set("b@x.example", new AgentWorkload.Load(2, T0.minusSeconds(60)));
    load.set("c@x.example", new AgentWorkload.Load(2, T0.minusSeconds(600)));
    Router router = new Router(load, new TickingClock(T0));
    Team t = team(Team.Strategy.LEAST_OPEN, plain("a@x.example"), plain("b@x.example"), plain("c@x.example"));
    // WHEN one ticket arrives
    Router.Decision d = router.route(t, null, Set.of(), false);
    // THEN the agent with fewest open tickets gets it; among equals, the one who waited longest
    assertEquals("c@x.example", d.agent());
    assertEquals("team desk, least-open among 3 qualified: c@x.example with 2 open", d.reason());
  }

  @Test
  void route_shouldEvenOutOpenTickets_whenManyTicketsArriveAtALeastOpenTeam() {
    // GIVEN a least-open team where one agent already has 10 open tickets and another 4
    AgentWorkload.InMemory load = new AgentWorkload.InMemory();
    load.set("a@x.example", new AgentWorkload.Load(10, T0.minusSeconds(5)));
    load.set("b@x.example", new AgentWorkload.Load(4, T0.minusSeconds(5)));
    Router router = new Router(load, new TickingClock(T0));
    Team t = team(Team.Strategy.LEAST_OPEN, plain("a@x.example"), plain("b@x.example"), plain("c@x.example"));
    // WHEN 1,000 tickets arrive (the in-memory store keeps them all open)
    Map<String, Integer> share = share(router, t, 1000);
    // THEN the newcomers first catch up, and at the end open tickets differ by one at most
    Map<String, AgentWorkload.Load> after = load.load(List.of("a@x.example", "b@x.example", "c@x.example"), true);
    int min = Integer.MAX_VALUE, max = 0;
    for (AgentWorkload.Load l : after.values()) {
      min = Math.min(min, l.openTickets());
      max = Math.max(max, l.openTickets());
    }
    assertTrue(max - min <= 1, after.toString());
    assertEquals(1014, after.values().stream().mapToInt(AgentWorkload.Load::openTickets).sum());
    assertEquals(1000, share.values().stream().mapToInt(Integer::intValue).sum());
    assertTrue(share.get("c@x.example") > share.get("b@x.example") && share.get("b@x.example") > share.get("a@x.example"),
        share.toString());
  }

  // ---- qualification ----------------------------------------------------------------------------------------

  @Test
  void route_shouldOnlyPickSpeakers_whenTicketHasALanguage() {
    // GIVEN an English-only agent first, a French speaker, and an agent with no languages listed
    Router router = new Router(new AgentWorkload.InMemory(), new TickingClock(T0));
    Team t = team(Team.Strategy.ROUND_ROBIN, agent("en@x.example", Set.of("en"), Set.of(), false, true),
        agent("fr@x.example", Set.of("fr", "en"), Set.of(), false, true),
        agent("any@x.example", Set.of(), Set.of(), false, true));
    // WHEN four French tickets arrive
    Set<String> chosen = new java.util.HashSet<>();
    for (int i = 0; i < 4; i++) chosen.add(router.route(t, "fr", Set.of(), false).agent());
    // THEN only the French speaker and the agent without a language list get them
    assertEquals(Set.of("fr@x.example", "any@x.example"), chosen);
  }

  @Test
  void route_shouldConsiderEveryone_whenLanguageIsUnknown() {
    // GIVEN a ticket whose language was not detected
    Router router = new Router(new AgentWorkload.InMemory(), new TickingClock(T0));
    Team t = team(Team.Strategy.ROUND_ROBIN, agent("en@x.example", Set.of("en"), Set.of(), false, true),
        agent("fr@x.example", Set.of("fr"), Set.of(), false, true));
    // WHEN / THEN both agents qualify
    assertEquals("team desk, round-robin among 2 qualified: en@x.example", router.route(t, null, Set.of(), false).reason());
  }

  @Test
  void route_shouldRequireEverySkill_whenTicketNeedsSeveral() {
    // GIVEN agents with one or both skills
    Router router = new Router(new AgentWorkload.InMemory(), new TickingClock(T0));
    Team t = team(Team.Strategy.ROUND_ROBIN, agent("inv@x.example", Set.of(), Set.of("invoices"), false, true),
        agent("ref@x.example", Set.of(), Set.of("refunds"), false, true),
        agent("both@x.example", Set.of(), Set.of("refunds", "invoices", "phones"), false, true));
    // WHEN three tickets need invoices and refunds
    // THEN only the agent with both gets them
    for (int i = 0; i < 3; i++) {
      Router.Decision d = router.route(t, null, Set.of("refunds", "invoices"), false);
      assertEquals("both@x.example", d.agent());
      assertEquals("team desk, round-robin among 1 qualified (skills invoices, refunds): both@x.example", d.reason());
    }
  }

  @Test
  void route_shouldOnlyPickSeniors_whenTicketIsVip() {
    // GIVEN a team with one senior agent, listed last
    Router router = new Router(new AgentWorkload.InMemory(), new TickingClock(T0));
    Team t = team(Team.Strategy.ROUND_ROBIN, plain("junior1@x.example"), plain("junior2@x.example"),
        agent("senior@x.example", Set.of("fr"), Set.of(), true, true));
    // WHEN three VIP tickets arrive
    // THEN the senior gets every one
    for (int i = 0; i < 3; i++) {
      Router.Decision d = router.route(t, "fr", Set.of(), true);
      assertEquals("senior@x.example", d.agent());
      assertEquals("team desk, round-robin among 1 qualified (language fr, senior for VIP): senior@x.example", d.reason());
    }
    // AND an ordinary ticket after them goes to a junior
    assertEquals("junior1@x.example", router.route(t, "fr", Set.of(), false).agent());
  }

  @Test
  void route_shouldSkipUnavailableAgents_whenTheyWouldOtherwiseBeNext() {
    // GIVEN a team whose first agent is away
    Router router = new Router(new AgentWorkload.InMemory(), new TickingClock(T0));
    Team t = team(Team.Strategy.LEAST_OPEN, agent("away@x.example", Set.of(), Set.of(), true, false),
        plain("here@x.example"));
    // WHEN / THEN tickets (VIP or not) go to the available agent
    assertEquals("here@x.example", router.route(t, null, Set.of(), false).agent());
    assertEquals("here@x.example", router.route(t, null, Set.of(), false).agent());
  }

  @Test
  void route_shouldLeaveUnassignedWithReason_whenNobodyQualifies() {
    // GIVEN a team without a German-speaking senior who knows phones
    AgentWorkload.InMemory load = new AgentWorkload.InMemory();
    Router router = new Router(load, new TickingClock(T0));
    Team t = team(Team.Strategy.ROUND_ROBIN, agent("fr@x.example", Set.of("fr"), Set.of("phones"), true, true),
        agent("de@x.example", Set.of("de"), Set.of("phones"), false, true),
        agent("away@x.example", Set.of("de"), Set.of("phones"), true, false));
    // WHEN a German VIP ticket about phones arrives
    Router.Decision d = router.route(t, "de", Set.of("phones"), true);
    // THEN nobody is assigned, the reason says what was missing, and no assignment is recorded
    assertNull(d.agent());
    assertEquals("team desk: no available agent with language de, skills phones, senior for VIP; left unassigned",
        d.reason());
    assertEquals(AgentWorkload.Load.IDLE, load.load(List.of("fr@x.example"), true).get("fr@x.example"));
  }

  @Test
  void route_shouldLeaveUnassigned_whenTeamHasNoAgents() {
    // GIVEN an empty team
    Router router = new Router(new AgentWorkload.InMemory(), new TickingClock(T0));
    // WHEN / THEN
    Router.Decision d = router.route(team(Team.Strategy.ROUND_ROBIN), null, Set.of(), false);
    assertNull(d.agent());
    assertEquals("team desk: no available agent; left unassigned", d.reason());
  }

  // ---- in-memory workload -----------------------------------------------------------------------------------

  @Test
  void inMemoryLoad_shouldReportIdle_whenAgentWasNeverAssigned() {
    // GIVEN an empty store
    AgentWorkload.InMemory load = new AgentWorkload.InMemory();
    // WHEN / THEN every agent asked about is listed, idle
    assertEquals(Map.of("a@x.example", AgentWorkload.Load.IDLE), load.load(List.of("a@x.example"), true));
  }

  @Test
  void inMemoryAssigned_shouldCountOpenTicketsAndKeepLastTime_whenCalledTwice() {
    // GIVEN an agent with two open tickets
    AgentWorkload.InMemory load = new AgentWorkload.InMemory();
    load.set("a@x.example", new AgentWorkload.Load(2, T0));
    // WHEN assigned twice more
    load.assigned("a@x.example", T0.plus(Duration.ofMinutes(1)));
    load.assigned("a@x.example", T0.plus(Duration.ofMinutes(5)));
    // THEN four are open and the last time is the latest
    assertEquals(new AgentWorkload.Load(4, T0.plus(Duration.ofMinutes(5))),
        load.load(List.of("a@x.example"), true).get("a@x.example"));
  }
}
