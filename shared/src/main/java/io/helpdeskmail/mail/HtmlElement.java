package io.helpdeskmail.mail;

/**
 * The little of an HTML element that mail-to-text needs: its lower-case tag name and its attributes (names
 * lower-cased, first of duplicates kept, values with character references decoded), as the HTML parser reads them.
 */
final class HtmlElement {
  private static final String[] NO_ATTRIBUTES = {};

  final String name;
  /** The name's {@link HtmlTags} categories, found once for the element. */
  final int flags;
  /** Name, value, name, value... */
  private final String[] attributes;
  /** True for body and everything inside it: only these reach the text walker. */
  boolean inBody;
  /** True for the adoption agency's clones, whose start the sink never saw: their end is not reported either. */
  boolean silent;

  HtmlElement(String name, String[] attributes) {
    this(name, HtmlTags.flags(name), attributes);
  }

  /** An element whose name's categories are already known (the reader looked the tag up as it read it). */
  HtmlElement(String name, int flags, String[] attributes) {
    this.name = name;
    this.flags = flags;
    this.attributes = attributes == null ? NO_ATTRIBUTES : attributes;
  }

  /** True when the name is in any of the {@link HtmlTags} categories given. */
  boolean is(int categories) {
    return (flags & categories) != 0;
  }

  /** The value of an attribute, or "" when absent (as jsoup's Element.attr). */
  String attr(String key) {
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i].equals(key)) return attributes[i + 1];
    }
    return "";
  }

  boolean hasAttr(String key) {
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i].equals(key)) return true;
    }
    return false;
  }

  String id() {
    return attr("id");
  }

  String className() {
    return attr("class").trim();
  }

  /** A copy for the parser's reopening of formatting elements (a new element with the same attributes). */
  HtmlElement copy() {
    return new HtmlElement(name, flags, attributes);
  }

  /** This element's attributes under another tag name (HTML reads {@code <image>} as {@code <img>}). */
  HtmlElement renamed(String newName) {
    return new HtmlElement(newName, attributes);
  }

  /** Same tag and the same attribute set, in any order: what HTML counts as "the same" formatting element. */
  boolean sameAs(HtmlElement o) {
    if (!name.equals(o.name) || attributes.length != o.attributes.length) return false;
    for (int i = 0; i < attributes.length; i += 2) {
      if (!o.hasAttr(attributes[i]) || !o.attr(attributes[i]).equals(attributes[i + 1])) return false;
    }
    return true;
  }

  @Override
  public String toString() {
    return "<" + name + ">";
  }
}
