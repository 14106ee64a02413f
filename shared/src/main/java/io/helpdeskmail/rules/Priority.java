package io.helpdeskmail.rules;

import java.util.Arrays;
import java.util.Optional;

/** Ticket priorities, in order, so that rules can say "priority greater than normal". */
public enum Priority {
  LOW, NORMAL, HIGH, URGENT;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<Priority> of(String label) {
    return Arrays.stream(values()).filter(p -> p.label().equals(label)).findFirst();
  }
}
