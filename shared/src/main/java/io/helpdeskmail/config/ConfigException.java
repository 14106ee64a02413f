package io.helpdeskmail.config;

import java.util.List;

/**
 * An invalid helpdesk configuration: every problem found, each as "file:line: path: what is wrong". Thrown at
 * load, so a deployment with a broken configuration fails at cold start instead of misrouting mail.
 */
public final class ConfigException extends RuntimeException {
  private final List<String> problems;

  public ConfigException(String source, List<String> problems) {
    super("invalid helpdesk configuration " + source + " (" + problems.size() + " problem"
        + (problems.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
