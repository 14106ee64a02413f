package io.helpdeskmail.rules;

import java.util.List;

/**
 * Runs the ordered rules that answer a trigger over a classification: each rule whose condition holds applies
 * its actions and adds (rule, evidence) to the trace; a matching rule with stop ends the run. The same engine
 * serves new tickets and ticket updates (customer or agent reply, status change).
 */
public final class RuleEngine {
  private final List<Rule> rules;

  public RuleEngine(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public void run(Trigger trigger, Facts facts, Classification.Builder c) {
    for (Rule r : rules) {
      if (!r.on().contains(trigger)) continue;
      String why = r.when().match(facts);
      if (why == null) continue;
      for (Action a : r.then()) a.apply(c, facts);
      c.trace(r.name(), why);
      if (r.stop()) return;
    }
  }

  public List<Rule> rules() {
    return rules;
  }
}
