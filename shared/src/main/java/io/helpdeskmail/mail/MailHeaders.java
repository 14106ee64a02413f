package io.helpdeskmail.mail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The top-level header fields of a message, unfolded and decoded to text, looked up case-insensitively.
 * Detection filters and rules read these instead of a MimeMessage, so nothing inward depends on Jakarta Mail.
 */
public final class MailHeaders {
  private final Map<String, Values> byName;

  private MailHeaders(Map<String, Values> byName) {
    this.byName = byName;
  }

  /** Fields whose values are already text. */
  public static MailHeaders of(List<Map.Entry<String, String>> fields) {
    return raw(fields, null);
  }

  /**
   * Fields as they came, each name's values decoded by decode on the first lookup of that name. A message carries
   * 20-60 fields and the helpdesk reads a dozen, most of them absent: unfolding and decoding the rest (Received,
   * DKIM and ARC signatures: the longest, most folded values) was a tenth of reading a message.
   */
  public static MailHeaders raw(List<Map.Entry<String, String>> fields, UnaryOperator<String> decode) {
    Map<String, Values> m = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : fields) {
      m.computeIfAbsent(f.getKey().toLowerCase(Locale.ROOT), k -> new Values(decode)).raw.add(f.getValue());
    }
    return new MailHeaders(Collections.unmodifiableMap(m));
  }

  public static MailHeaders empty() {
    return new MailHeaders(Map.of());
  }

  /**
   * The first value of the field, trimmed, or null when absent. Names are compared in lower case; a name given in
   * lower case is used as it is (String.toLowerCase returns it), with no copy to make and hash.
   */
  public String first(String name) {
    List<String> v = all(name);
    return v.isEmpty() ? null : v.get(0).trim();
  }

  public List<String> all(String name) {
    Values v = byName.get(name.toLowerCase(Locale.ROOT));
    return v == null ? List.of() : v.text();
  }

  public boolean has(String name) {
    return byName.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /** Field names in lower case, in first-seen order. */
  public Iterable<String> names() {
    return byName.keySet();
  }

  /** One name's values; decoding is a pure function of the raw values, so two threads racing both get the same. */
  private static final class Values {
    final List<String> raw = new ArrayList<>(1);
    final UnaryOperator<String> decode;
    volatile List<String> text;

    Values(UnaryOperator<String> decode) {
      this.decode = decode;
    }

    List<String> text() {
      List<String> t = text;
      if (t != null) return t;
      if (decode == null) {
        t = Collections.unmodifiableList(raw);
      } else {
        List<String> d = new ArrayList<>(raw.size());
        for (String r : raw) d.add(decode.apply(r));
        t = Collections.unmodifiableList(d);
      }
      text = t;
      return t;
    }
  }
}
