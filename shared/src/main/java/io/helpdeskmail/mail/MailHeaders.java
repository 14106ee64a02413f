package io.helpdeskmail.mail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The top-level header fields of a message, unfolded and decoded to text, looked up case-insensitively.
 * Detection filters and rules read these instead of a MimeMessage, so nothing inward depends on Jakarta Mail.
 */
public final class MailHeaders {
  private final Map<String, List<String>> byName;

  private MailHeaders(Map<String, List<String>> byName) {
    this.byName = byName;
  }

  public static MailHeaders of(List<Map.Entry<String, String>> fields) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : fields) {
      m.computeIfAbsent(f.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(f.getValue());
    }
    m.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return new MailHeaders(Collections.unmodifiableMap(m));
  }

  public static MailHeaders empty() {
    return new MailHeaders(Map.of());
  }

  /** The first value of the field, trimmed, or null when absent. */
  public String first(String name) {
    List<String> v = byName.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0).trim();
  }

  public List<String> all(String name) {
    return byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  public boolean has(String name) {
    return byName.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /** Field names in lower case, in first-seen order. */
  public Iterable<String> names() {
    return byName.keySet();
  }
}
