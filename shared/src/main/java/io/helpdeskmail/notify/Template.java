package io.helpdeskmail.notify;

import java.util.Map;

/**
 * A mail template (acknowledgement, offline acknowledgement...) in each language it is written in. Rendering
 * and sending come with the outbound issue; the configuration validates templates now.
 */
public record Template(String name, Map<String, Text> byLanguage) {
  /** Subject and body in one language, with {{placeholders}}. */
  public record Text(String subject, String body) {}

  public Template {
    byLanguage = Map.copyOf(byLanguage);
  }
}
