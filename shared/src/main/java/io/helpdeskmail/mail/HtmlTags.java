package io.helpdeskmail.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tag names the HTML reader and the text walker treat specially, each read once into a canonical name and a
 * set of category bits. A tag used to be copied out of the input, lower-cased, hashed and looked up in up to a dozen
 * name sets on its way through the tree rules; reading the name straight from the input into its entry leaves one
 * table probe and bit tests, and no copy for a known tag.
 */
final class HtmlTags {
  /** A known tag: its lower-case name and its categories. */
  record Tag(String name, int flags) {}

  // Categories of the HTML spec, as jsoup's tag set and tree builder have them.
  static final int VOID = 1;
  /** Elements whose text is data (script-like), not a text node. */
  static final int DATA = 1 << 1;
  static final int KNOWN = 1 << 2;
  static final int SPECIAL = 1 << 3;
  static final int SCOPE = 1 << 4;
  static final int TABLE_SCOPE = 1 << 5;
  static final int IMPLIED_END = 1 << 6;
  static final int HEADING = 1 << 7;
  static final int FORMATTING = 1 << 8;
  static final int P_CLOSER = 1 << 9;
  static final int END_CLOSER = 1 << 10;
  static final int FOSTER_TARGET = 1 << 11;
  /** Parts of frames, templates, forms and foreign content that the stream leaves to jsoup. */
  static final int UNSUPPORTED_START = 1 << 12;
  /** The extra boundary of button scope. */
  static final int BUTTON_SCOPE = 1 << 13;
  /** The extra boundaries of list-item scope. */
  static final int LIST_SCOPE = 1 << 14;
  /** Where clearing the stack back to a table, table body or row context stops (html stops all three). */
  static final int TABLE_CONTEXT = 1 << 15;
  static final int BODY_CONTEXT = 1 << 16;
  static final int ROW_CONTEXT = 1 << 17;
  /** Table parts a start tag of which is dropped in body. */
  static final int DROPPED_IN_BODY = 1 << 18;
  // The text walker's categories (HtmlText): blocks become lines, skipped elements lose their text, active ones
  // do something at their start or end.
  static final int BLOCK = 1 << 19;
  static final int SKIP = 1 << 20;
  static final int ACTIVE = 1 << 21;

  /** The names of each category, by bit: the definition the table is built from. */
  static final Map<Integer, Set<String>> CATEGORIES = Map.ofEntries(
      Map.entry(VOID, Set.of("meta", "link", "base", "frame", "img", "br", "wbr", "embed", "hr", "input", "keygen", "col",
          "command", "device", "area", "basefont", "bgsound", "menuitem", "param", "source", "track")),
      Map.entry(DATA, Set.of("iframe", "noembed", "noframes", "script", "style", "xmp")),
      Map.entry(KNOWN, Set.of("html", "head", "body", "frameset", "script", "noscript", "style", "meta", "link", "title",
          "frame", "noframes", "section", "nav", "aside", "hgroup", "header", "footer", "p", "h1", "h2", "h3", "h4",
          "h5", "h6", "dialog", "search", "ul", "ol", "pre", "div", "blockquote", "hr", "address", "figure",
          "figcaption", "form", "fieldset", "dl", "dt", "dd", "li", "table", "caption", "thead", "tfoot", "tbody",
          "colgroup", "col", "tr", "th", "td", "details", "menu", "plaintext", "template", "article", "main", "center",
          "dir", "applet", "marquee", "listing", "object", "base", "font", "tt", "i", "b", "u", "big", "small", "em",
          "strong", "dfn", "code", "samp", "kbd", "var", "cite", "abbr", "time", "acronym", "mark", "ruby", "rt", "rp",
          "rtc", "a", "img", "wbr", "map", "q", "sub", "sup", "bdo", "iframe", "embed", "span", "input", "select",
          "textarea", "label", "audio", "video", "canvas", "optgroup", "option", "legend", "datalist", "keygen",
          "output", "progress", "meter", "area", "param", "source", "track", "summary", "command", "device",
          "basefont", "bgsound", "menuitem", "data", "bdi", "s", "strike", "nobr", "ins", "del", "button", "picture",
          "slot", "rb", "br", "xmp", "noembed")),
      Map.entry(SPECIAL, Set.of("address", "applet", "area", "article", "aside", "base", "basefont", "bgsound",
          "blockquote", "body", "br", "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div",
          "dl", "dt", "embed", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2",
          "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li",
          "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object",
          "ol", "p", "param", "plaintext", "pre", "script", "search", "section", "select", "source", "style",
          "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track",
          "ul", "wbr", "xmp")),
      Map.entry(SCOPE, Set.of("applet", "caption", "html", "marquee", "object", "select", "table", "td", "template",
          "th")),
      Map.entry(TABLE_SCOPE, Set.of("html", "table", "template")),
      Map.entry(IMPLIED_END, Set.of("dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc")),
      Map.entry(HEADING, Set.of("h1", "h2", "h3", "h4", "h5", "h6")),
      Map.entry(FORMATTING, Set.of("a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike",
          "strong", "tt", "u")),
      Map.entry(P_CLOSER, Set.of("address", "article", "aside", "blockquote", "center", "details", "dir", "div", "dl",
          "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "menu", "nav", "ol", "p", "section",
          "summary", "ul")),
      Map.entry(END_CLOSER, Set.of("address", "article", "aside", "blockquote", "button", "center", "details", "dir",
          "div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "listing", "menu", "nav", "ol",
          "pre", "section", "summary", "ul")),
      Map.entry(FOSTER_TARGET, Set.of("table", "tbody", "tfoot", "thead", "tr")),
      Map.entry(UNSUPPORTED_START, Set.of("frameset", "template", "select", "svg", "math", "noscript")),
      Map.entry(BUTTON_SCOPE, Set.of("button")),
      Map.entry(LIST_SCOPE, Set.of("ol", "ul")),
      Map.entry(TABLE_CONTEXT, Set.of("table", "template")),
      Map.entry(BODY_CONTEXT, Set.of("tbody", "tfoot", "thead", "template")),
      Map.entry(ROW_CONTEXT, Set.of("tr", "template")),
      Map.entry(DROPPED_IN_BODY, Set.of("caption", "col", "colgroup", "frame", "head", "tbody", "td", "tfoot", "th",
          "thead", "tr")),
      Map.entry(BLOCK, Set.of("p", "div", "table", "tr", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
          "address", "blockquote", "section", "article", "header", "footer", "hr", "center", "dl", "dt", "dd", "form",
          "fieldset", "body", "html", "main", "nav", "aside", "figure", "figcaption")),
      Map.entry(SKIP, Set.of("head", "style", "script", "title", "meta", "noscript", "template", "xml", "o:p", "svg")),
      Map.entry(ACTIVE, Set.of("br", "li", "td", "th", "img", "pre", "hr", "p", "blockquote")));

  /**
   * Open addressing over the names' String hash codes, a power of two at least four times the names: probes are
   * short, and the hash is the one String would compute for the lower-cased name, so a name read from the input
   * and a String name find the same slot.
   */
  private static final Tag[] TABLE;
  private static final int[] HASHES;
  private static final int MAX_LENGTH;

  static {
    Set<String> names = new LinkedHashSet<>();
    for (Set<String> s : CATEGORIES.values()) names.addAll(s);
    int size = Integer.highestOneBit(names.size() * 4) * 2;
    TABLE = new Tag[size];
    HASHES = new int[size];
    int max = 0;
    for (String name : names) {
      int flags = 0;
      for (Map.Entry<Integer, Set<String>> e : CATEGORIES.entrySet()) if (e.getValue().contains(name)) flags |= e.getKey();
      int h = name.hashCode();
      int slot = slot(h, size);
      while (TABLE[slot] != null) slot = (slot + 1) & (size - 1);
      TABLE[slot] = new Tag(name, flags);
      HASHES[slot] = h;
      max = Math.max(max, name.length());
    }
    MAX_LENGTH = max;
  }

  private HtmlTags() {}

  private static int slot(int h, int size) {
    return (h ^ (h >>> 16)) & (size - 1);
  }

  /**
   * The known tag named by in[from, to) when read as HTML reads names (ASCII letters lower-cased), or null for
   * any other name, and for names with characters beyond ASCII: the caller lower-cases those as before and asks
   * {@link #of(String)}, since Locale-aware lower-casing maps a few of them onto ASCII letters (U+212A to 'k').
   */
  static Tag lookup(String in, int from, int to) {
    int n = to - from;
    if (n <= 0 || n > MAX_LENGTH) return null;
    int h = 0;
    for (int i = from; i < to; i++) {
      char c = in.charAt(i);
      if (c >= 0x80) return null;
      if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
      h = 31 * h + c;
    }
    for (int slot = slot(h, TABLE.length); TABLE[slot] != null; slot = (slot + 1) & (TABLE.length - 1)) {
      if (HASHES[slot] == h && sameLowerAscii(in, from, TABLE[slot].name(), n)) return TABLE[slot];
    }
    return null;
  }

  /** The known tag of this lower-case name, or null. */
  static Tag of(String name) {
    int h = name.hashCode();
    for (int slot = slot(h, TABLE.length); TABLE[slot] != null; slot = (slot + 1) & (TABLE.length - 1)) {
      if (HASHES[slot] == h && TABLE[slot].name().equals(name)) return TABLE[slot];
    }
    return null;
  }

  /** The categories of a lower-case name; 0 for a name in none. */
  static int flags(String name) {
    Tag t = of(name);
    return t == null ? 0 : t.flags();
  }

  /** Every name in some category, for tests. */
  static List<String> names() {
    List<String> out = new ArrayList<>();
    for (Tag t : TABLE) if (t != null) out.add(t.name());
    return out;
  }

  private static boolean sameLowerAscii(String in, int from, String name, int n) {
    if (name.length() != n) return false;
    for (int i = 0; i < n; i++) {
      char c = in.charAt(from + i);
      if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
      if (c != name.charAt(i)) return false;
    }
    return true;
  }
}
