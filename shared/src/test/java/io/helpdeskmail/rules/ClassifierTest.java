package io.helpdeskmail.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helpdeskmail.ticket.ReplyAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassifierTest {
  private static final Field.Ref TEXT = new Field.Ref(Field.TEXT, null);
  private static final Field.Ref TAGS = new Field.Ref(Field.TAGS, null);
  private static final Field.Ref STATUS = new Field.Ref(Field.STATUS, null);

  private static final Team DESK = new Team("desk", Team.Strategy.ROUND_ROBIN, List.of(
      new Agent("anne@shop.example", "Anne", Set.of("fr", "en"), Set.of("orders"), true, true),
      new Agent("bob@shop.example", "Bob", Set.of("en"), Set.of("orders"), false, true),
      new Agent("chantal@shop.example", "Chantal", Set.of("fr"), Set.of(), false, true)));
  private static final Team MONEY = new Team("money", Team.Strategy.LEAST_OPEN, List.of(
      new Agent("marc@shop.example", "Marc", Set.of("fr", "en"), Set.of("refunds", "invoices"), true, true),
      new Agent("emma@shop.example", "Emma", Set.of("en"), Set.of("invoices"), false, true)));
  private static final Department GENERAL =
      new Department("general", Set.of("support@shop.example"), "desk", null, List.of(), true);
  private static final Department BILLING =
      new Department("billing", Set.of("billing@shop.example", "factures@shop.example"), "money", null, List.of(), false);
  private static final List<VipTier> TIERS = List.of(
      new VipTier("platinum", Set.of("ceo@partner.example"), Set.of("bigcorp.example")),
      new VipTier("gold", Set.of("marie@mail.example"), Set.of()));
  private static final ToneLexicon TONE = new ToneLexicon(Map.of(
      "urgent", Map.of("en", phrases("urgent", "asap"), "fr", phrases("au plus vite")),
      "angry", Map.of("en", phrases("unacceptable", "still waiting"), "fr", phrases("inadmissible"))), 24);

  private static List<WordIndex.Phrase> phrases(String... s) {
    return List.of(s).stream().map(WordIndex.Phrase::of).toList();
  }

  private static Rule rule(String name, Set<Trigger> on, Condition when, Action... then) {
    return new Rule(name, on, when, List.of(then), false, 1);
  }

  private static Condition contains(Field.Ref f, String phrase) {
    return new Condition.Test(f, new Operator.Contains(List.of(WordIndex.Phrase.of(phrase))));
  }

  private static Condition is(Field.Ref f, String value) {
    return new Condition.Test(f, new Operator.Equals(List.of(value)));
  }

  private static Classifier classifier(List<Rule> rules) {
    return classifier(List.of(GENERAL, BILLING), rules);
  }

  private static Classifier classifier(List<Department> departments, List<Rule> rules) {
    RuleBook book = new RuleBook(departments, List.of(DESK, MONEY), TIERS, Map.of(), TONE, rules);
    return new Classifier(book, new AgentWorkload.InMemory(), atts -> "", new RouterTest.TickingClock(
        Instant.parse("2026-03-02T09:00:00Z")));
  }

  private static List<String> steps(Classification c) {
    return c.matchedRules().stream().map(MatchedRule::rule).toList();
  }

  // ---- department -------------------------------------------------------------------------------------------

  @Test
  void classifyNew_shouldTakeDepartmentAndTeamFromRecipient_whenMailReachesADepartmentAddress() {
    // GIVEN a mail to billing's second address
    // WHEN
    Classification c = classifier(List.of()).classifyNew(Inputs.mail().to("factures@shop.example").language("en").build());
    // THEN billing, its team, normal priority, and the trace says why
    assertEquals("billing", c.department());
    assertEquals("money", c.team());
    assertEquals("normal", c.priority());
    assertEquals(new MatchedRule("[department]", "to is \"factures@shop.example\""), c.matchedRules().get(0));
  }

  @Test
  void classifyNew_shouldUseBaseAddress_whenCustomerRepliesToAPlusAddress() {
    // GIVEN a mail to a signed reply address made from billing's address
    String reply = new ReplyAddress("a-secret-of-sixteen-chars").forTicket(4711, "billing@shop.example");
    // WHEN
    Classification c = classifier(List.of()).classifyNew(Inputs.mail().to(reply.toUpperCase()).build());
    // THEN the department is billing's
    assertEquals("billing", c.department());
    assertEquals(new MatchedRule("[department]", "to is \"billing@shop.example\""), c.matchedRules().get(0));
  }

  @Test
  void classifyNew_shouldTakeFirstRecipientWithADepartment_whenSeveralAreListed() {
    // GIVEN a mail to an outside address, then billing, then the general address
    Inputs in = Inputs.mail().to("friend@mail.example", "billing@shop.example", "support@shop.example");
    // WHEN / THEN the first support address in recipient order decides
    assertEquals("billing", classifier(List.of()).classifyNew(in.build()).department());
  }

  @Test
  void classifyNew_shouldUseFallbackDepartment_whenNoRecipientIsASupportAddress() {
    // GIVEN a mail forwarded from an old address
    // WHEN
    Classification c = classifier(List.of()).classifyNew(Inputs.mail().to("old-shop@mail.example").build());
    // THEN the fallback department takes it
    assertEquals("general", c.department());
    assertEquals("desk", c.team());
    assertEquals(new MatchedRule("[department]", "no department address among the recipients; fallback general"),
        c.matchedRules().get(0));
  }

  @Test
  void classifyNew_shouldLeaveDepartmentAndTeamEmpty_whenThereIsNoFallback() {
    // GIVEN a configuration without fallback and a mail to an unknown address
    Classifier cl = classifier(List.of(BILLING), List.of());
    // WHEN
    Classification c = cl.classifyNew(Inputs.mail().to("old-shop@mail.example").build());
    // THEN nothing decides department, team or assignee
    assertNull(c.department());
    assertNull(c.team());
    assertNull(c.assignee());
    assertEquals(List.of(), c.matchedRules());
  }

  // ---- VIP --------------------------------------------------------------------------------------------------

  @Test
  void classifyNew_shouldSetVipTier_whenSenderAddressOrDomainIsListed() {
    Classifier cl = classifier(List.of());
    // GIVEN senders by address, by domain, by subdomain, in capitals, and look-alikes
    // WHEN / THEN
    assertEquals("gold", cl.classifyNew(Inputs.mail().from("marie@mail.example").build()).tier());
    assertEquals("platinum", cl.classifyNew(Inputs.mail().from("CEO@Partner.Example").build()).tier());
    assertEquals("platinum", cl.classifyNew(Inputs.mail().from("jo@bigcorp.example").build()).tier());
    assertEquals("platinum", cl.classifyNew(Inputs.mail().from("jo@eu.mail.BigCorp.example").build()).tier());
    assertNull(cl.classifyNew(Inputs.mail().from("jo@notbigcorp.example").build()).tier());
    assertNull(cl.classifyNew(Inputs.mail().from("bigcorp.example@mail.example").build()).tier());
    assertNull(cl.classifyNew(Inputs.mail().from("other@mail.example").build()).tier());
    assertNull(cl.classifyNew(Inputs.mail().from(null).build()).tier());
  }

  @Test
  void classifyNew_shouldTraceTierAndRouteToSenior_whenSenderIsVip() {
    // GIVEN an English mail from a platinum domain to the general address
    // WHEN
    Classification c = classifier(List.of()).classifyNew(
        Inputs.mail().from("jo@bigcorp.example").language("en").build());
    // THEN the tier is traced and the only senior of the team gets the ticket
    assertTrue(c.vip());
    assertTrue(c.matchedRules().contains(new MatchedRule("[vip]", "from \"jo@bigcorp.example\" is in tier platinum")));
    assertEquals("anne@shop.example", c.assignee());
  }

  // ---- tone -------------------------------------------------------------------------------------------------

  @Test
  void classifyNew_shouldTagTone_whenSubjectOrTextHasLexiconWords() {
    Classifier cl = classifier(List.of());
    // GIVEN an urgent subject and an angry French text (without accents or capitals as in the lexicon)
    // WHEN
    Classification c = cl.classifyNew(Inputs.mail().subject("URGENT: order").text("C'est INADMISSIBLE.").build());
    // THEN both tags, each traced with its evidence
    assertEquals(Set.of("urgent", "angry"), Set.copyOf(c.tags()));
    assertTrue(c.matchedRules().contains(new MatchedRule("[tone]", "subject contains \"urgent\"")));
    assertTrue(c.matchedRules().contains(new MatchedRule("[tone]", "text contains \"inadmissible\"")));
  }

  @Test
  void classifyNew_shouldNotTagTone_whenWordOnlyBeginsALexiconWord() {
    // GIVEN "urgently" while the lexicon has "urgent" without a star
    // WHEN
    Classification c = classifier(List.of()).classifyNew(Inputs.mail().text("Please reply urgently").build());
    // THEN no tag
    assertEquals(List.of(), c.tags());
  }

  @Test
  void classifyNew_shouldNotFail_whenTextEndsWithTheFirstWordOfALexiconPhrase() {
    // GIVEN texts whose last word begins "still waiting" and "au plus vite", with as many words as the index first
    // makes room for (one per five characters, at least four)
    Classifier cl = classifier(List.of());
    for (String text : List.of("x y z still", "a b c au", "one two three four five six still")) {
      // WHEN
      Classification c = cl.classifyNew(Inputs.mail().text(text).build());
      // THEN no tag, and no failure reading past the last word
      assertEquals(List.of(), c.tags(), text);
    }
  }

  @Test
  void classifyNew_shouldTagAngry_whenTextIsShouted() {
    // GIVEN a text in capitals with more letters than the lexicon's threshold and no angry word
    String text = "WHERE IS MY PARCEL? I ORDERED IT THREE WEEKS AGO!";
    // WHEN
    Classification c = classifier(List.of()).classifyNew(Inputs.mail().text(text).build());
    // THEN it is tagged angry because it shouts
    assertEquals(List.of("angry"), c.tags());
    assertTrue(c.matchedRules().contains(new MatchedRule("[tone]", "text is written in capitals")));
  }

  @Test
  void shouting_shouldNeedEnoughLettersMostlyInCapitals_whenJudgingAText() {
    // GIVEN / WHEN / THEN short capitals are an acronym, not shouting; 80% capitals over enough letters is
    assertFalse(Classifier.shouting("PLEASE HELP", 24));
    assertTrue(Classifier.shouting("THIS IS THE THIRD TIME I WRITE TO YOU", 24));
    assertTrue(Classifier.shouting("THIS IS THE THIRD TIME I WRITE to you", 24)); // 24 capitals of 29 letters: 83%
    assertFalse(Classifier.shouting("THIS IS THE THIRD TIME I write to you", 24)); // 19 capitals of 29 letters: 66%
    assertTrue(Classifier.shouting("ÇA NE MARCHE TOUJOURS PAS, C'EST ÉNERVANT", 24));
    assertFalse(Classifier.shouting("1234567890 1234567890 1234567890 !!!", 24));
  }

  @Test
  void classifyNew_shouldNotJudgeShouting_whenLexiconTurnsItOff() {
    // GIVEN a lexicon with shouting 0
    RuleBook book = new RuleBook(List.of(GENERAL), List.of(DESK), List.of(), Map.of(),
        new ToneLexicon(Map.of(), 0), List.of());
    Classifier cl = new Classifier(book, new AgentWorkload.InMemory(), null, java.time.Clock.systemUTC());
    // WHEN / THEN a shouted mail stays untagged
    assertEquals(List.of(), cl.classifyNew(Inputs.mail().text("WHERE IS MY PARCEL? I ORDERED IT WEEKS AGO!").build()).tags());
  }

  @Test
  void classifyNew_shouldLetRulesSeeToneTags_whenRulesRunAfterTone() {
    // GIVEN a rule on the "angry" tag
    List<Rule> rules = List.of(rule("angry customer", Set.of(Trigger.CREATED), is(TAGS, "angry"),
        new Action.SetPriority(Priority.HIGH)));
    // WHEN
    Classification c = classifier(rules).classifyNew(Inputs.mail().text("This is unacceptable").build());
    // THEN
    assertEquals("high", c.priority());
    assertEquals(List.of("[department]", "[tone]", "angry customer", "[routing]"), steps(c));
  }

  // ---- rules and routing ------------------------------------------------------------------------------------

  @Test
  void classifyNew_shouldRouteInsideTeamChosenByRules_whenRuleMovesTicketWithSkills() {
    // GIVEN a rule sending refunds from the desk to the money team, needing the refunds skill
    List<Rule> rules = List.of(rule("refund", Set.of(Trigger.CREATED), contains(TEXT, "refund"),
        new Action.SetDepartment("billing"), new Action.SetTeam("money", MONEY.members()),
        new Action.RequireSkills(List.of("refunds"))));
    // WHEN an English refund request reaches the general address
    Classification c = classifier(rules).classifyNew(Inputs.mail().text("I want a refund").language("en").build());
    // THEN the only agent of that team with the skill gets it, and the routing trace says why
    assertEquals("billing", c.department());
    assertEquals("money", c.team());
    assertEquals("marc@shop.example", c.assignee());
    assertEquals(new MatchedRule("[routing]",
        "team money, least-open among 1 qualified (language en, skills refunds): marc@shop.example with 0 open"),
        c.matchedRules().get(c.matchedRules().size() - 1));
  }

  @Test
  void classifyNew_shouldNotRoute_whenRuleNamesTheAssignee() {
    // GIVEN a rule naming an agent
    List<Rule> rules = List.of(rule("bob's customer", Set.of(Trigger.CREATED), new Condition.Always(),
        new Action.SetAssignee("bob@shop.example")));
    // WHEN a French mail arrives (Bob speaks no French)
    Classification c = classifier(rules).classifyNew(Inputs.mail().language("fr").build());
    // THEN the rule's choice stands and routing does not run
    assertEquals("bob@shop.example", c.assignee());
    assertFalse(steps(c).contains("[routing]"));
  }

  @Test
  void classifyNew_shouldRouteByLanguage_whenTicketsArriveOneAfterAnother() {
    // GIVEN a classifier with one workload
    Classifier cl = classifier(List.of());
    // WHEN four French mails reach the desk
    // THEN they alternate between the two French speakers
    assertEquals("anne@shop.example", cl.classifyNew(Inputs.mail().language("fr").build()).assignee());
    assertEquals("chantal@shop.example", cl.classifyNew(Inputs.mail().language("fr").build()).assignee());
    assertEquals("bob@shop.example", cl.classifyNew(Inputs.mail().language("en").build()).assignee());
    assertEquals("anne@shop.example", cl.classifyNew(Inputs.mail().language("fr").build()).assignee());
  }

  @Test
  void classifyNew_shouldLeaveUnassignedWithReason_whenNoAgentSpeaksTheLanguage() {
    // GIVEN a German mail to the desk
    // WHEN
    Classification c = classifier(List.of()).classifyNew(Inputs.mail().language("de").build());
    // THEN
    assertNull(c.assignee());
    assertEquals(new MatchedRule("[routing]", "team desk: no available agent with language de; left unassigned"),
        c.matchedRules().get(c.matchedRules().size() - 1));
  }

  // ---- updates ----------------------------------------------------------------------------------------------

  private static final List<Rule> UPDATE_RULES = List.of(
      rule("new ticket", Set.of(Trigger.CREATED), new Condition.Always(), new Action.AddTags(List.of("new"))),
      rule("customer waiting", Set.of(Trigger.CUSTOMER_REPLY), new Condition.Always(),
          new Action.AddTags(List.of("awaiting-agent"))),
      rule("agent answered", Set.of(Trigger.AGENT_REPLY), new Condition.Always(),
          new Action.RemoveTags(List.of("awaiting-agent"))),
      rule("solved", Set.of(Trigger.STATUS_CHANGED), is(STATUS, "solved"), new Action.RemoveTags(List.of("angry"))),
      rule("angry reply to billing", Set.of(Trigger.CUSTOMER_REPLY), is(TAGS, "angry"),
          new Action.SetTeam("money", MONEY.members())));

  @Test
  void update_shouldRunCustomerReplyRulesAndTone_whenCustomerReplies() {
    // GIVEN a ticket created and assigned at the desk
    Classifier cl = classifier(UPDATE_RULES);
    Classification created = cl.classifyNew(Inputs.mail().language("en").build());
    // WHEN the customer replies calmly
    Classification c = cl.update(Trigger.CUSTOMER_REPLY, Inputs.mail().text("Any news?").messageCount(2).build(), created);
    // THEN only the reply rules ran, the trace holds only this run, the assignee stays
    assertEquals(List.of("new", "awaiting-agent"), c.tags());
    assertEquals(List.of("customer waiting"), steps(c));
    assertEquals(created.assignee(), c.assignee());
    assertEquals("desk", c.team());
  }

  @Test
  void update_shouldTagToneAndReroute_whenAngryReplyMovesTicketToAnotherTeam() {
    // GIVEN a ticket assigned at the desk
    Classifier cl = classifier(UPDATE_RULES);
    Classification created = cl.classifyNew(Inputs.mail().language("en").build());
    // WHEN an angry reply arrives and a rule moves it to the money team
    Classification c = cl.update(Trigger.CUSTOMER_REPLY,
        Inputs.mail().text("Still waiting, this is unacceptable").language("en").build(), created);
    // THEN tone ran on the reply, the desk agent was dropped and routing chose inside the new team
    assertTrue(c.tags().contains("angry"));
    assertEquals("money", c.team());
    assertTrue(MONEY.members().contains(c.assignee()), c.assignee());
    assertEquals(List.of("[tone]", "customer waiting", "angry reply to billing", "[routing]"), steps(c));
  }

  @Test
  void update_shouldNotJudgeTone_whenAgentReplies() {
    // GIVEN a ticket waiting for an agent
    Classifier cl = classifier(UPDATE_RULES);
    Classification waiting = cl.update(Trigger.CUSTOMER_REPLY, Inputs.mail().text("hello?").build(),
        cl.classifyNew(Inputs.mail().build()));
    // WHEN the agent answers with words of the lexicon
    Classification c = cl.update(Trigger.AGENT_REPLY,
        Inputs.mail().text("Sorry, this delay is unacceptable, we act ASAP").build(), waiting);
    // THEN the agent's words tag nothing and the agent-reply rule removed the waiting tag
    assertEquals(List.of("new"), c.tags());
    assertEquals(List.of("agent answered"), steps(c));
  }

  @Test
  void update_shouldRunStatusRules_whenStatusChanges() {
    // GIVEN an angry ticket
    Classifier cl = classifier(UPDATE_RULES);
    Classification angry = cl.classifyNew(Inputs.mail().text("unacceptable").build());
    assertTrue(angry.tags().contains("angry"));
    // WHEN it is set to pending, then solved
    Classification pending = cl.update(Trigger.STATUS_CHANGED, Inputs.mail().status("pending").previousStatus("open").build(), angry);
    Classification solved = cl.update(Trigger.STATUS_CHANGED, Inputs.mail().status("solved").previousStatus("pending").build(), pending);
    // THEN only the solved status calms it
    assertTrue(pending.tags().contains("angry"));
    assertEquals(List.of(), steps(pending));
    assertFalse(solved.tags().contains("angry"));
    assertEquals(List.of("solved"), steps(solved));
    assertEquals(angry.assignee(), solved.assignee());
  }

  @Test
  void update_shouldRouteAgain_whenRuleTakesTheAssigneeAway() {
    // GIVEN a ticket assigned to Bob and a reply rule that moves it to the money team (Bob is not in it)
    Classifier cl = classifier(List.of(rule("to money", Set.of(Trigger.CUSTOMER_REPLY), new Condition.Always(),
        new Action.SetTeam("money", MONEY.members()))));
    Classification bobs = Classification.NONE.toBuilder().department("general").team("desk")
        .assignee("bob@shop.example").build();
    // WHEN the customer replies in English
    Classification c = cl.update(Trigger.CUSTOMER_REPLY, Inputs.mail().language("en").build(), bobs);
    // THEN a money agent is chosen
    assertTrue(MONEY.members().contains(c.assignee()), c.assignee());
  }

  @Test
  void shouting_shouldJudgeTheWholeSample_whenLowerCaseLettersComeFirst() {
    // GIVEN 1,000 letters starting with lower case ones: 200 of them (four in five capitals) and 201 (fewer)
    String shouted = "a".repeat(200) + " " + "B".repeat(800) + " " + "c".repeat(500);
    String calm = "a".repeat(201) + " " + "B".repeat(799) + " " + "C".repeat(500);
    // WHEN / THEN only the sample's first 1,000 letters count, whatever comes first
    assertTrue(Classifier.shouting(shouted, 24));
    assertFalse(Classifier.shouting(calm, 24));
    assertFalse(Classifier.shouting("a".repeat(300) + "B".repeat(5_000), 24));
  }
}
