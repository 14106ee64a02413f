package io.helpdeskmail.mail;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML mail to readable text, in one pass over the body's elements and text: blocks become lines, lists get
 * dashes, quoted history (blockquote and the quote containers of Gmail, Outlook, Apple Mail, Thunderbird, Yahoo)
 * becomes "> " lines, and the text before the first such container is kept apart as the reply candidate.
 *
 * <p>The elements come from {@link HtmlStream}, which reads mail HTML without building a tree (a full jsoup parse
 * was the largest cost of the mail pipeline that we choose); the few documents it leaves to a tree builder are
 * parsed with jsoup and walked the same way.
 */
public final class HtmlText {
  /** The text of the whole message, and the text before the first quoted-history container. */
  public record Result(String text, String beforeQuote, boolean quoteFound) {}

  private HtmlText() {}

  /**
   * HTML read into text, at most: a reader sees a newsletter's worth (Gmail clips messages at 102 KB), rules read
   * 32,000 characters, and the parse is linear but not cheap (a 1 MB page costs about 9 ms, more than a thousand
   * ordinary messages' worth of it). The rest of a longer page is not converted; the HTML itself is kept whole.
   */
  static final int MAX_HTML_CHARS = 256 * 1024;

  public static Result convert(String html) {
    if (html.length() > MAX_HTML_CHARS) {
      int tag = html.lastIndexOf('<', MAX_HTML_CHARS);
      html = html.substring(0, tag > MAX_HTML_CHARS / 2 ? tag : MAX_HTML_CHARS); // end before a tag, not inside one
    }
    Walker w = new Walker();
    boolean streamed;
    try {
      streamed = HtmlStream.read(html, w);
    } catch (RuntimeException e) { // a fault in our reader must cost this message speed, not its text
      streamed = false;
    }
    if (!streamed) {
      w = new Walker();
      walkJsoup(html, w);
    }
    String text = tidy(w.out.toString());
    String before = w.quoteAt < 0 ? text : tidy(w.out.substring(0, w.quoteAt));
    return new Result(text, before, w.quoteAt >= 0);
  }

  /** The same walk over jsoup's tree, for the documents {@link HtmlStream} does not read. */
  static void walkJsoup(String html, HtmlStream.Sink sink) {
    Document doc = Jsoup.parse(html);
    NodeTraversor.traverse(new NodeVisitor() {
      // the same view at an element's start and end: the walker knows the element it skips by identity
      final java.util.ArrayDeque<HtmlElement> open = new java.util.ArrayDeque<>();

      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element e) {
          HtmlElement v = view(e);
          open.push(v);
          sink.open(v);
        } else if (node instanceof TextNode t) {
          sink.text(t.getWholeText());
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element) sink.close(open.pop());
      }
    }, doc.body() != null ? doc.body() : doc);
  }

  /** Keys lower-cased, first of each kept: jsoup's attr(key) matches keys ignoring case (merged body tags keep theirs). */
  private static HtmlElement view(Element e) {
    java.util.ArrayList<String> attributes = new java.util.ArrayList<>();
    for (Attribute a : e.attributes()) {
      String key = a.getKey().toLowerCase(java.util.Locale.ROOT);
      if (attributes.contains(key)) continue;
      attributes.add(key);
      attributes.add(a.getValue());
    }
    return new HtmlElement(e.normalName(), attributes.toArray(new String[0]));
  }

  /** True for the containers mail clients wrap quoted history in. */
  static boolean isQuoteContainer(HtmlElement e) {
    String tag = e.name;
    if (tag.equals("blockquote")) return true; // type=cite or not: in mail, a blockquote is quoted history
    String id = e.id();
    if (id.equals("divRplyFwdMsg") || id.equals("appendonsend") || id.equals("mail-editor-reference-message-container")
        || id.startsWith("OLK_SRC_BODY_SECTION") || id.equals("isForwardContent") || id.equals("replySplit")) return true;
    String cls = e.className();
    if (!cls.isEmpty() && (cls.contains("gmail_quote") || cls.contains("yahoo_quoted") || cls.contains("moz-cite-prefix")
        || cls.contains("OutlookMessageHeader") || cls.contains("gmail_extra") || cls.contains("zmail_extra")
        || cls.contains("protonmail_quote") || cls.contains("ms-outlook-mobile-reference-message")
        || cls.contains("tutanota_quote") || cls.contains("ecxgmail_quote") || cls.contains("x_gmail_quote"))) {
      return !cls.contains("gmail_signature");
    }
    if (tag.equals("div") || tag.equals("p")) {
      // Outlook desktop: the "From: ... Sent: ..." block sits under a div with a top border and no class.
      String style = e.attr("style");
      if (containsFolded(style, "border-top:solid#e1e1e1") || containsFolded(style, "border-top:solid#b5c4df")
          || containsFolded(style, "border-top:1ptsolid#b5c4df") || containsFolded(style, "border-top:1ptsolid#e1e1e1")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether s, lower-cased and without spaces (U+0020), contains needle (lower-case ASCII without spaces, with one
   * ':'): the answer of {@code s.toLowerCase(Locale.ROOT).replace(" ", "").contains(needle)} without building that
   * string for every styled element. Only ASCII letters need folding: the one non-ASCII character lower-casing to
   * ASCII here, U+0130, becomes 'i' followed by U+0307, which no needle contains (U+212A becomes 'k', in none).
   */
  static boolean containsFolded(String s, String needle) {
    // every needle has one ':', and a style few: match around each ':' instead of trying every position
    int colon = needle.indexOf(':');
    for (int at = s.indexOf(':'); at >= 0; at = s.indexOf(':', at + 1)) {
      if (matchesBefore(s, at, needle, colon) && matchesAfter(s, at, needle, colon)) return true;
    }
    return false;
  }

  /** Whether needle[0, colon), folded and without spaces, ends just before s[at]. */
  private static boolean matchesBefore(String s, int at, String needle, int colon) {
    int k = at - 1;
    for (int j = colon - 1; j >= 0; j--) {
      while (k >= 0 && s.charAt(k) == ' ') k--;
      if (k < 0 || fold(s.charAt(k)) != needle.charAt(j)) return false;
      k--;
    }
    return true;
  }

  /** Whether needle after its colon, folded and without spaces, starts just after s[at]. */
  private static boolean matchesAfter(String s, int at, String needle, int colon) {
    int k = at + 1;
    for (int j = colon + 1; j < needle.length(); j++) {
      while (k < s.length() && s.charAt(k) == ' ') k++;
      if (k >= s.length() || fold(s.charAt(k)) != needle.charAt(j)) return false;
      k++;
    }
    return true;
  }

  private static char fold(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  private static final class Walker implements HtmlStream.Sink {
    final StringBuilder out = new StringBuilder();
    int quoteDepth;
    int quoteAt = -1;
    /**
     * The element whose content is skipped, until its end: the element itself rather than a depth, since the stream
     * may report the end of an inert element moved by the adoption agency later than a tree walk would.
     */
    HtmlElement skipRoot;
    int preDepth;
    boolean lineStart = true;

    @Override
    public boolean skipsText() {
      return skipRoot != null;
    }

    /** Elements this walker does nothing for at their start or end (inline formatting, spans, fonts...). */
    @Override
    public boolean inert(HtmlElement e) {
      return !e.is(HtmlTags.SKIP | HtmlTags.BLOCK | HtmlTags.ACTIVE) && !isHidden(e) && !isQuoteContainer(e);
    }

    @Override
    public void open(HtmlElement e) {
      String tag = e.name;
      if (skipRoot != null) return;
      if (e.is(HtmlTags.SKIP) || isHidden(e)) {
        skipRoot = e;
        return;
      }
      if (isQuoteContainer(e)) {
        if (quoteAt < 0) {
          newline();
          quoteAt = out.length();
        }
        if (tag.equals("blockquote")) quoteDepth++;
      }
      switch (tag) {
        case "br" -> hardBreak();
        case "li" -> {
          newline();
          emit("- ");
        }
        case "td", "th" -> {
          if (!lineStart) emit(" ");
        }
        case "img" -> {
          String alt = e.attr("alt");
          if (!alt.isBlank() && alt.length() < 80) emit(alt);
        }
        case "pre" -> {
          newline();
          preDepth++;
        }
        case "hr" -> {
          // A rule only separates: as text it would linger above a cut-off header block, so a blank line.
          newline();
          out.append('\n');
        }
        default -> {
          if (e.is(HtmlTags.BLOCK)) newline();
        }
      }
    }

    @Override
    public void text(String whole) {
      if (skipRoot == null) {
        String s = preDepth > 0 ? whole : collapse(whole);
        if (preDepth > 0) {
          String[] lines = s.split("\r?\n", -1);
          for (int i = 0; i < lines.length; i++) {
            if (i > 0) hardBreak();
            emit(lines[i]);
          }
        } else if (!s.isEmpty()) {
          if (lineStart && s.isBlank()) return;
          emit(lineStart ? s.stripLeading() : s);
        }
      }
    }

    @Override
    public void close(HtmlElement e) {
      if (skipRoot != null) {
        if (e == skipRoot) skipRoot = null;
        return;
      }
      String tag = e.name;
      if (tag.equals("blockquote") && isQuoteContainer(e)) {
        newline();
        quoteDepth--;
      } else if (tag.equals("pre")) {
        preDepth--;
        newline();
      } else if (tag.equals("p")) {
        newline();
        out.append('\n'); // paragraphs are separated by a blank line, as people write them in plain text
        lineStart = true;
      } else if (e.is(HtmlTags.BLOCK)) {
        newline();
      }
    }

    private static boolean isHidden(HtmlElement e) {
      String style = e.attr("style");
      if (style.isEmpty()) return false;
      return containsFolded(style, "display:none") || containsFolded(style, "mso-hide:all");
    }

    private void emit(String s) {
      if (s.isEmpty()) return;
      if (lineStart && quoteDepth > 0) out.append("> ".repeat(quoteDepth));
      out.append(s);
      lineStart = false;
    }

    private void hardBreak() {
      if (lineStart && quoteDepth > 0) out.append(">".repeat(quoteDepth));
      out.append('\n');
      lineStart = true;
    }

    private void newline() {
      if (!lineStart) {
        out.append('\n');
        lineStart = true;
      }
    }
  }

  /** HTML white-space rules: every run of spaces, tabs and line breaks is one space. */
  private static String collapse(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        if (!space) sb.append(' ');
        space = true;
      } else {
        sb.append(c);
        space = false;
      }
    }
    return sb.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  private static boolean onlyQuoteMarks(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) != '>') return false;
    }
    return !line.isEmpty();
  }

  /** Trims trailing spaces on lines and collapses runs of more than one blank line. */
  static String tidy(String s) {
    String[] lines = s.split("\n", -1);
    StringBuilder out = new StringBuilder(s.length());
    int blank = 0;
    for (String line : lines) {
      String l = line.replace('\u00A0', ' ').stripTrailing();
      if (l.isBlank() || onlyQuoteMarks(l)) {
        if (out.isEmpty()) continue;
        if (++blank > 1) continue;
      } else {
        blank = 0;
      }
      out.append(l).append('\n');
    }
    return out.toString().strip();
  }
}
