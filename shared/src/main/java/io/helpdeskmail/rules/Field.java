package io.helpdeskmail.rules;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a rule condition can look at. TEXT fields are matched word by word (keywords and phrases, folded); VALUE
 * fields are short values, possibly several (recipients, tags, attachment types); NUMBER fields compare.
 * Ticket fields (department, priority, tags...) read the classification as earlier rules left it.
 */
public enum Field {
  SUBJECT("subject", Kind.TEXT),
  TEXT("text", Kind.TEXT),
  FULL_TEXT("full-text", Kind.TEXT),
  ATTACHMENT_TEXT("attachment-text", Kind.TEXT),
  FROM("from", Kind.VALUE),
  FROM_DOMAIN("from-domain", Kind.VALUE),
  TO("to", Kind.VALUE),
  LANGUAGE("language", Kind.VALUE),
  TIER("tier", Kind.VALUE),
  ATTACHMENT_TYPE("attachment-type", Kind.VALUE),
  ATTACHMENT_NAME("attachment-name", Kind.VALUE),
  DEPARTMENT("department", Kind.VALUE),
  CATEGORY("category", Kind.VALUE),
  PRIORITY("priority", Kind.VALUE),
  STATUS("status", Kind.VALUE),
  PREVIOUS_STATUS("previous-status", Kind.VALUE),
  TEAM("team", Kind.VALUE),
  ASSIGNEE("assignee", Kind.VALUE),
  TAGS("tags", Kind.VALUE),
  CUSTOM("field.", Kind.VALUE),
  MESSAGE_COUNT("message-count", Kind.NUMBER),
  ATTACHMENT_COUNT("attachment-count", Kind.NUMBER);

  /** How a field is compared. */
  public enum Kind { TEXT, VALUE, NUMBER }

  private final String label;
  private final Kind kind;

  Field(String label, Kind kind) {
    this.label = label;
    this.kind = kind;
  }

  public String label() {
    return label;
  }

  public Kind kind() {
    return kind;
  }

  /** The field a configuration names: "subject", ..., or "field.order-number" for a custom field. */
  public static Optional<Ref> parse(String name) {
    if (name.startsWith("field.") && name.length() > 6) return Optional.of(new Ref(CUSTOM, name.substring(6)));
    for (Field f : values()) if (f != CUSTOM && f.label.equals(name)) return Optional.of(new Ref(f, null));
    return Optional.empty();
  }

  public static java.util.List<String> names() {
    return Arrays.stream(values()).map(f -> f == CUSTOM ? "field.<name>" : f.label).toList();
  }

  /** A field as a condition names it; name is the custom field's name, else null. */
  public record Ref(Field field, String name) {
    @Override
    public String toString() {
      return field == CUSTOM ? "field." + name : field.label;
    }
  }
}
