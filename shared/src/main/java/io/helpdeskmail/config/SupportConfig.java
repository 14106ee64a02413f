package io.helpdeskmail.config;

import io.helpdeskmail.notify.Template;
import io.helpdeskmail.rules.RuleBook;
import io.helpdeskmail.sla.BusinessCalendar;
import java.util.Map;
import java.util.Set;

/**
 * The helpdesk configuration file (YAML), validated: departments and their addresses, teams and agents, VIP
 * tiers, custom fields, tone lexicon and rules (together the {@link RuleBook}), business calendars and templates.
 * Loaded once at cold start by {@link SupportConfigLoader}.
 *
 * @param source where it was read from, for messages
 */
public record SupportConfig(String source, RuleBook rules, Map<String, BusinessCalendar> calendars,
    Map<String, Template> templates) {
  public static final SupportConfig NONE = new SupportConfig("(none)", RuleBook.EMPTY, Map.of(), Map.of());

  public SupportConfig {
    calendars = Map.copyOf(calendars);
    templates = Map.copyOf(templates);
  }

  /** Every support address a department answers on. */
  public Set<String> supportAddresses() {
    Set<String> out = new java.util.LinkedHashSet<>();
    rules.departments().forEach(d -> out.addAll(d.addresses()));
    return out;
  }
}
