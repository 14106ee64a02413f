package io.helpdeskmail.rules;

/** One step of a classification's trace: which rule (or built-in step) decided, and on what evidence. */
public record MatchedRule(String rule, String condition) {}
