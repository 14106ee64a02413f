package io.helpdeskmail.rules;

import java.util.Set;

/** An agent as routing sees them: languages spoken, skills, seniority (VIP tickets go to seniors). */
public record Agent(String email, String name, Set<String> languages, Set<String> skills, boolean senior,
    boolean available) {
  public Agent {
    languages = Set.copyOf(languages);
    skills = Set.copyOf(skills);
  }
}
