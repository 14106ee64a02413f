package io.helpdeskmail.rules;

import java.util.List;

/** What conditions read: the message's texts and values, and the ticket's fields as rules have left them so far. */
public interface Facts {
  /** A TEXT field as words (folded). */
  WordIndex words(Field.Ref field);

  /** A TEXT field as written, for regular expressions and captures. */
  String text(Field.Ref field);

  /** A TEXT field folded ({@link TextFolding}), for cheap literal checks before a regular expression. */
  default String folded(Field.Ref field) {
    return TextFolding.fold(text(field));
  }

  /**
   * A TEXT field case-folded character by character ({@link io.helpdeskmail.mail.CaseFold}, positions kept), where
   * case-insensitive patterns look for the words their matches start with.
   */
  default String caseFolded(Field.Ref field) {
    return io.helpdeskmail.mail.CaseFold.of(text(field));
  }

  /** A VALUE field's values (empty when unknown). */
  List<String> values(Field.Ref field);

  /** What a pattern reads in a field: a TEXT field's text, or a VALUE field's values. */
  default List<String> strings(Field.Ref field) {
    return field.field().kind() == Field.Kind.TEXT ? List.of(text(field)) : values(field);
  }

  /** A NUMBER field, or null when unknown. */
  Double number(Field.Ref field);
}
