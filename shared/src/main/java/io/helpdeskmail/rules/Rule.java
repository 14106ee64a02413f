package io.helpdeskmail.rules;

import java.util.List;
import java.util.Set;

/**
 * "If a ticket matches criteria, run actions": one ordered automation rule of the configuration. stop ends the
 * run after this rule when it matched, so specific rules written first win over general ones below.
 *
 * @param line where the rule starts in its configuration file, for messages
 */
public record Rule(String name, Set<Trigger> on, Condition when, List<Action> then, boolean stop, int line) {
  public Rule {
    on = Set.copyOf(on);
    then = List.copyOf(then);
  }
}
