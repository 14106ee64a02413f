package io.helpdeskmail.mail;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The reference for {@link HtmlText}: its converter as it was before the streaming reader, kept unchanged over
 * jsoup's full tree so that the differential test can hold the two to the same answers. HTML mail to readable
 * text, in one pass over the jsoup tree: blocks become lines, lists get dashes, quoted
 * history (blockquote and the quote containers of Gmail, Outlook, Apple Mail, Thunderbird, Yahoo) becomes
 * "> " lines, and the text before the first such container is kept apart as the reply candidate.
 */
final class JsoupHtmlText {
  private static final Set<String> BLOCKS = Set.of("p", "div", "table", "tr", "ul", "ol", "li", "h1", "h2", "h3",
      "h4", "h5", "h6", "pre", "address", "blockquote", "section", "article", "header", "footer", "hr", "center",
      "dl", "dt", "dd", "form", "fieldset", "body", "html", "main", "nav", "aside", "figure", "figcaption");
  private static final Set<String> SKIP = Set.of("head", "style", "script", "title", "meta", "noscript", "template",
      "xml", "o:p", "svg");

  private JsoupHtmlText() {}

  static HtmlText.Result convert(String html) {
    Document doc = Jsoup.parse(html);
    Walker w = new Walker();
    NodeTraversor.traverse(w, doc.body() != null ? doc.body() : doc);
    String text = tidy(w.out.toString());
    String before = w.quoteAt < 0 ? text : tidy(w.out.substring(0, w.quoteAt));
    return new HtmlText.Result(text, before, w.quoteAt >= 0);
  }

  /** True for the containers mail clients wrap quoted history in. */
  static boolean isQuoteContainer(Element e) {
    String tag = e.normalName();
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
      String style = e.attr("style").toLowerCase(java.util.Locale.ROOT).replace(" ", "");
      if (style.contains("border-top:solid#e1e1e1") || style.contains("border-top:solid#b5c4df")
          || style.contains("border-top:1ptsolid#b5c4df") || style.contains("border-top:1ptsolid#e1e1e1")) return true;
    }
    return false;
  }

  private static final class Walker implements NodeVisitor {
    final StringBuilder out = new StringBuilder();
    int quoteDepth;
    int quoteAt = -1;
    int skipDepth;
    int preDepth;
    boolean lineStart = true;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof Element e) {
        String tag = e.normalName();
        if (skipDepth > 0 || SKIP.contains(tag) || isHidden(e)) {
          skipDepth++;
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
            text("- ");
          }
          case "td", "th" -> {
            if (!lineStart) text(" ");
          }
          case "img" -> {
            String alt = e.attr("alt");
            if (!alt.isBlank() && alt.length() < 80) text(alt);
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
            if (BLOCKS.contains(tag)) newline();
          }
        }
      } else if (node instanceof TextNode t && skipDepth == 0) {
        String s = preDepth > 0 ? t.getWholeText() : collapse(t.getWholeText());
        if (preDepth > 0) {
          String[] lines = s.split("\r?\n", -1);
          for (int i = 0; i < lines.length; i++) {
            if (i > 0) hardBreak();
            text(lines[i]);
          }
        } else if (!s.isEmpty()) {
          if (lineStart && s.isBlank()) return;
          text(lineStart ? s.stripLeading() : s);
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (!(node instanceof Element e)) return;
      if (skipDepth > 0) {
        skipDepth--;
        return;
      }
      String tag = e.normalName();
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
      } else if (BLOCKS.contains(tag)) {
        newline();
      }
    }

    private static boolean isHidden(Element e) {
      String style = e.attr("style");
      if (style.isEmpty()) return false;
      String s = style.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
      return s.contains("display:none") || s.contains("mso-hide:all");
    }

    private void text(String s) {
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

  /** Trims trailing spaces on lines and collapses runs of more than one blank line. */
  static String tidy(String s) {
    String[] lines = s.split("\n", -1);
    StringBuilder out = new StringBuilder(s.length());
    int blank = 0;
    for (String line : lines) {
      String l = line.replace('\u00A0', ' ').stripTrailing();
      if (l.isBlank() || l.matches(">+")) {
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
