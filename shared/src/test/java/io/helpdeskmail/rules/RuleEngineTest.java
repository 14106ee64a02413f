package io.helpdeskmail.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleEngineTest {
  private static final Field.Ref TEXT = new Field.Ref(Field.TEXT, null);
  private static final Field.Ref CATEGORY = new Field.Ref(Field.CATEGORY, null);
  private static final Field.Ref TAGS = new Field.Ref(Field.TAGS, null);
  private static final Field.Ref PRIORITY = new Field.Ref(Field.PRIORITY, null);
  private static final Set<Trigger> CREATED = Set.of(Trigger.CREATED);

  private static Condition contains(Field.Ref f, String phrase) {
    return new Condition.Test(f, new Operator.Contains(List.of(WordIndex.Phrase.of(phrase))));
  }

  private static Condition is(Field.Ref f, String value) {
    return new Condition.Test(f, new Operator.Equals(List.of(value)));
  }

  private static Rule rule(String name, Condition when, Action... then) {
    return new Rule(name, CREATED, when, List.of(then), false, 1);
  }

  private static Classification run(List<Rule> rules, Trigger trigger, Inputs in) {
    Classification.Builder c = Classification.NONE.toBuilder();
    c.priority = "normal";
    new RuleEngine(rules).run(trigger, in.facts(c), c);
    return c.build();
  }

  private static List<String> ruleNames(Classification c) {
    return c.matchedRules().stream().map(MatchedRule::rule).toList();
  }

  @Test
  void run_shouldLetLaterRulesSeeEarlierChanges_whenRulesAreOrdered() {
    // GIVEN a rule that sets a category and a later rule that reads it, then one that reads the first's tag
    List<Rule> rules = List.of(
        rule("refund", contains(TEXT, "refund"), new Action.SetCategory("refund"), new Action.AddTags(List.of("money"))),
        rule("refunds to billing", is(CATEGORY, "refund"), new Action.SetDepartment("billing")),
        rule("money matters", is(TAGS, "money"), new Action.SetPriority(Priority.HIGH)));
    // WHEN
    Classification c = run(rules, Trigger.CREATED, Inputs.mail().text("I want a refund"));
    // THEN every rule fired, in order, and the trace records each with its evidence
    assertEquals("billing", c.department());
    assertEquals("high", c.priority());
    assertEquals(List.of(new MatchedRule("refund", "text contains \"refund\""),
        new MatchedRule("refunds to billing", "category is \"refund\""),
        new MatchedRule("money matters", "tags is \"money\"")), c.matchedRules());
  }

  @Test
  void run_shouldNotLetEarlierRulesSeeLaterChanges_whenOrderIsReversed() {
    // GIVEN the same two rules, the reader first
    List<Rule> rules = List.of(
        rule("refunds to billing", is(CATEGORY, "refund"), new Action.SetDepartment("billing")),
        rule("refund", contains(TEXT, "refund"), new Action.SetCategory("refund")));
    // WHEN
    Classification c = run(rules, Trigger.CREATED, Inputs.mail().text("I want a refund"));
    // THEN the reader ran before the category existed: rules run once, top to bottom
    assertNull(c.department());
    assertEquals(List.of("refund"), ruleNames(c));
  }

  @Test
  void run_shouldLetLaterRuleOverwrite_whenTwoRulesSetTheSameThing() {
    // GIVEN two matching rules setting the priority
    List<Rule> rules = List.of(
        rule("high", new Condition.Always(), new Action.SetPriority(Priority.HIGH)),
        rule("low", new Condition.Always(), new Action.SetPriority(Priority.LOW)));
    // WHEN / THEN the last one wins
    assertEquals("low", run(rules, Trigger.CREATED, Inputs.mail()).priority());
  }

  @Test
  void run_shouldEndRun_whenMatchingRuleHasStop() {
    // GIVEN a specific rule with stop above a general one
    List<Rule> rules = List.of(
        new Rule("legal", CREATED, contains(TEXT, "lawyer"), List.of(new Action.SetPriority(Priority.URGENT)), true, 1),
        rule("everything else", new Condition.Always(), new Action.SetPriority(Priority.LOW)));
    // WHEN
    Classification c = run(rules, Trigger.CREATED, Inputs.mail().text("my lawyer will call"));
    // THEN the rules below the stop did not run
    assertEquals("urgent", c.priority());
    assertEquals(List.of("legal"), ruleNames(c));
  }

  @Test
  void run_shouldContinue_whenRuleWithStopDoesNotMatch() {
    // GIVEN the same rules and a mail without the keyword
    List<Rule> rules = List.of(
        new Rule("legal", CREATED, contains(TEXT, "lawyer"), List.of(new Action.SetPriority(Priority.URGENT)), true, 1),
        rule("everything else", new Condition.Always(), new Action.SetPriority(Priority.LOW)));
    // WHEN
    Classification c = run(rules, Trigger.CREATED, Inputs.mail().text("hello"));
    // THEN stop had no effect
    assertEquals("low", c.priority());
    assertEquals(List.of("everything else"), ruleNames(c));
  }

  @Test
  void run_shouldApplyOnlyRulesForTheTrigger_whenRulesListTriggers() {
    // GIVEN rules for different triggers
    List<Rule> rules = List.of(
        rule("new", new Condition.Always(), new Action.AddTags(List.of("new"))),
        new Rule("reply", Set.of(Trigger.CUSTOMER_REPLY), new Condition.Always(),
            List.of(new Action.AddTags(List.of("awaiting-agent"))), false, 2),
        new Rule("answered", Set.of(Trigger.AGENT_REPLY, Trigger.STATUS_CHANGED), new Condition.Always(),
            List.of(new Action.AddTags(List.of("answered"))), false, 3));
    // WHEN / THEN each trigger runs its own rules only
    assertEquals(List.of("new"), run(rules, Trigger.CREATED, Inputs.mail()).tags());
    assertEquals(List.of("awaiting-agent"), run(rules, Trigger.CUSTOMER_REPLY, Inputs.mail()).tags());
    assertEquals(List.of("answered"), run(rules, Trigger.AGENT_REPLY, Inputs.mail()).tags());
    assertEquals(List.of("answered"), run(rules, Trigger.STATUS_CHANGED, Inputs.mail()).tags());
  }

  @Test
  void run_shouldNotLetStopOfAnotherTriggerEndTheRun_whenThatRuleIsSkipped() {
    // GIVEN a stopping rule for customer replies above a rule for new tickets
    List<Rule> rules = List.of(
        new Rule("reply stop", Set.of(Trigger.CUSTOMER_REPLY), new Condition.Always(), List.of(), true, 1),
        rule("new", new Condition.Always(), new Action.AddTags(List.of("new"))));
    // WHEN a new ticket runs
    // THEN the reply rule neither matched nor stopped anything
    assertEquals(List.of("new"), ruleNames(run(rules, Trigger.CREATED, Inputs.mail())));
  }

  @Test
  void run_shouldApplyActionsInOrder_whenRuleHasSeveral() {
    // GIVEN a rule that adds then removes a tag
    List<Rule> rules = List.of(rule("twice", new Condition.Always(), new Action.AddTags(List.of("x", "y")),
        new Action.RemoveTags(List.of("x"))));
    // WHEN / THEN
    assertEquals(List.of("y"), run(rules, Trigger.CREATED, Inputs.mail()).tags());
  }

  @Test
  void run_shouldSeePriorityRaisedByEarlierRule_whenLaterRuleComparesIt() {
    // GIVEN a rule raising priority and one that fires only below high
    Condition belowHigh = new Condition.Test(PRIORITY, new Operator.Compare(false, Priority.HIGH.ordinal(), "high"));
    List<Rule> rules = List.of(
        rule("angry", contains(TEXT, "unacceptable"), new Action.SetPriority(Priority.HIGH)),
        rule("calm", belowHigh, new Action.AddTags(List.of("calm"))));
    // WHEN / THEN the second rule sees "high" and stays quiet
    assertEquals(List.of(), run(rules, Trigger.CREATED, Inputs.mail().text("This is unacceptable")).tags());
    assertEquals(List.of("calm"), run(rules, Trigger.CREATED, Inputs.mail().text("Thanks")).tags());
  }
}
