package io.helpdeskmail.rules;

import java.util.Arrays;
import java.util.Optional;

/** What makes the rules run: a new ticket, or an update of one. A rule lists the triggers it answers. */
public enum Trigger {
  CREATED("created"),
  CUSTOMER_REPLY("customer-reply"),
  AGENT_REPLY("agent-reply"),
  STATUS_CHANGED("status-changed");

  private final String label;

  Trigger(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<Trigger> of(String label) {
    return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
  }
}
