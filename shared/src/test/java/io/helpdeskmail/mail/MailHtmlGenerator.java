package io.helpdeskmail.mail;

import java.util.Random;

/**
 * Random but plausible mail HTML for the differential test: the prologs, quote containers, Outlook markup,
 * tables, lists and sloppy endings that mail clients write, mixed with the edge cases of the HTML syntax (missing
 * end tags, stray end tags and '<', odd attributes and references, truncation at end of input).
 */
final class MailHtmlGenerator {
  private static final String[] WORDS = {"Hello", "thanks", "the", "invoice", "is", "attached", "Bonjour", "merci",
      "Grüße", "café", "ok", "See", "below", "ticket", "#123", "—", "a", "b", "c", "x"};
  private static final String[] ENTITIES = {"&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;", "&#8217;", "&#x2019;",
      "&eacute;", "&copy", "&notin", "&notit;", "&#128;", "&#150;", "&bogus;", "&#;", "&", "&amp", "&#65", "&#x41;",
      "&hellip;", "&rsquo;", "&NotEqualTilde;"};
  private static final String[] SPACES = {" ", " ", " ", "  ", "\n", "\r\n", "\t", " \n  ", ""};
  private static final String[] INLINE = {"span", "b", "i", "u", "font", "a", "strong", "em", "small", "o:p",
      "st1:place", "code", "sup"};
  private static final String[] BLOCK = {"div", "p", "blockquote", "center", "section", "h1", "h2", "h3", "address",
      "article", "header", "footer", "pre"};
  private static final String[] STYLES = {"color:red", "display:none", "mso-hide:all", "DISPLAY: NONE",
      "border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm",
      "border-top:solid #B5C4DF 1.0pt", "font-family:&quot;Calibri&quot;,sans-serif", "margin:0 0 0 .8ex",
      "font-size:11.0pt"};
  private static final String[] CLASSES = {"MsoNormal", "gmail_quote", "gmail_attr", "gmail_signature",
      "gmail_quote gmail_signature", "yahoo_quoted", "moz-cite-prefix", "WordSection1", "x_gmail_quote", "elementToProof",
      "OutlookMessageHeader", "protonmail_quote", " gmail_extra "};
  private static final String[] IDS = {"divRplyFwdMsg", "appendonsend", "OLK_SRC_BODY_SECTION", "replySplit",
      "signature", "x_divRplyFwdMsg", "isForwardContent"};

  private final Random rnd;
  private final StringBuilder out = new StringBuilder();

  MailHtmlGenerator(Random rnd) {
    this.rnd = rnd;
  }

  String document() {
    prolog();
    int blocks = 1 + rnd.nextInt(8);
    for (int i = 0; i < blocks; i++) content(0);
    epilog();
    String s = out.toString();
    if (chance(6)) s = s.substring(0, rnd.nextInt(s.length() + 1)); // cut anywhere: inside tags, comments, text
    return s;
  }

  private boolean chance(int percent) {
    return rnd.nextInt(100) < percent;
  }

  private String pick(String[] a) {
    return a[rnd.nextInt(a.length)];
  }

  private void prolog() {
    switch (rnd.nextInt(6)) {
      case 0 -> out.append("<!DOCTYPE html>");
      case 1 -> out.append("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0 Transitional//EN\">");
      case 2 -> out.append("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
          + "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n");
      case 3 -> out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
      default -> { }
    }
    if (chance(50)) out.append(pick(SPACES));
    boolean html = chance(60);
    if (html) out.append(chance(50) ? "<html>" : "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">");
    if (chance(60)) {
      out.append(chance(80) ? "<head>" : "");
      if (chance(60)) out.append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">");
      if (chance(30)) out.append("<title>Re: ticket &amp; more</title>");
      if (chance(40)) out.append("<!--[if gte mso 9]><xml>\n<o:OfficeDocumentSettings><o:AllowPNG/>"
          + "</o:OfficeDocumentSettings>\n</xml><![endif]-->");
      if (chance(50)) out.append("<style type=\"text/css\"><!--\np.MsoNormal, li.MsoNormal {margin:0cm;}\n"
          + "a:link {color:blue}\n--></style>");
      if (chance(10)) out.append("<script>var x = 1 < 2;</script>");
      if (chance(5)) out.append("stray head text");
      out.append(pick(SPACES));
      if (chance(75)) out.append("</head>");
      out.append(pick(SPACES));
    }
    if (chance(70)) {
      out.append("<body");
      if (chance(50)) attributes();
      out.append('>');
    }
  }

  private void epilog() {
    if (chance(50)) out.append("</body>");
    if (chance(30)) out.append(pick(SPACES)).append(chance(50) ? "trailer text" : "<!-- trailer -->");
    if (chance(50)) out.append("</html>");
    if (chance(30)) out.append(pick(SPACES));
    if (chance(10)) out.append("<p>after html");
  }

  private void attributes() {
    int n = rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      out.append(' ');
      String name;
      String value;
      switch (rnd.nextInt(8)) {
        case 0, 1 -> {
          name = "class";
          value = pick(CLASSES);
        }
        case 2, 3 -> {
          name = "style";
          value = pick(STYLES);
        }
        case 4 -> {
          name = "id";
          value = pick(IDS);
        }
        case 5 -> {
          name = "alt";
          value = pick(WORDS) + (chance(30) ? " &amp; co" : "");
        }
        case 6 -> {
          name = "dir";
          value = "ltr";
        }
        default -> {
          name = "lang";
          value = "EN-US";
        }
      }
      if (chance(15)) name = name.toUpperCase();
      out.append(name);
      if (chance(5)) continue; // no value
      out.append('=');
      switch (rnd.nextInt(4)) {
        case 0 -> out.append('\'').append(value.replace("'", "")).append('\'');
        case 1 -> out.append(value.replaceAll("[\\s>]", ""));
        default -> out.append('"').append(value.replace("\"", "")).append('"');
      }
    }
  }

  private void text() {
    int n = 1 + rnd.nextInt(5);
    for (int i = 0; i < n; i++) {
      if (chance(15)) out.append(pick(ENTITIES));
      else out.append(pick(WORDS));
      out.append(pick(SPACES));
    }
  }

  private void content(int depth) {
    int r = rnd.nextInt(depth > 4 ? 30 : 100);
    if (r < 25) {
      text();
    } else if (r < 40) {
      inline(depth);
    } else if (r < 45) {
      misc();
    } else if (r < 65) {
      block(depth);
    } else if (r < 75) {
      list(depth);
    } else if (r < 87) {
      table(depth);
    } else if (r < 92) {
      raw();
    } else {
      quote(depth);
    }
  }

  private void children(int depth) {
    int n = rnd.nextInt(4);
    for (int i = 0; i < n; i++) content(depth + 1);
  }

  private void open(String tag) {
    out.append('<').append(chance(8) ? tag.toUpperCase() : tag);
    if (chance(40)) attributes();
    if (chance(3)) out.append('/');
    out.append('>');
  }

  private void close(String tag, int percent) {
    if (chance(percent)) out.append("</").append(chance(8) ? tag.toUpperCase() : tag).append('>');
  }

  private void inline(int depth) {
    String tag = pick(INLINE);
    open(tag);
    if (tag.equals("o:p")) {
      if (chance(60)) out.append("&nbsp;");
    } else {
      children(depth);
      text();
    }
    close(tag, 92);
  }

  private void block(int depth) {
    String tag = pick(BLOCK);
    open(tag);
    if (tag.equals("pre")) {
      if (chance(50)) out.append('\n');
      out.append("line one\n  line two\r\n\tline three");
    } else {
      children(depth);
      text();
    }
    close(tag, tag.equals("p") ? 70 : 90);
  }

  private void list(int depth) {
    if (chance(25)) {
      out.append("<dl>");
      for (int i = 0; i < 1 + rnd.nextInt(3); i++) {
        out.append(chance(50) ? "<dt>" : "<dd>");
        text();
        if (chance(30)) close(chance(50) ? "dt" : "dd", 100);
      }
      close("dl", 90);
      return;
    }
    String tag = chance(50) ? "ul" : "ol";
    open(tag);
    for (int i = 0; i < 1 + rnd.nextInt(4); i++) {
      open("li");
      if (chance(40)) children(depth);
      text();
      close("li", 60);
    }
    close(tag, 90);
  }

  private void table(int depth) {
    open("table");
    if (chance(10)) out.append(pick(SPACES));
    boolean tbody = chance(50);
    if (tbody) out.append("<tbody>");
    for (int r = 0; r < 1 + rnd.nextInt(3); r++) {
      if (chance(90)) open("tr");
      if (chance(20)) out.append(" \n ");
      for (int c = 0; c < 1 + rnd.nextInt(3); c++) {
        String cell = chance(85) ? "td" : "th";
        open(cell);
        if (chance(50)) children(depth + 1);
        else text();
        close(cell, 75);
        if (chance(20)) out.append(pick(SPACES));
      }
      close("tr", 75);
    }
    if (tbody) close("tbody", 80);
    if (chance(3)) out.append("stray table text");
    close("table", 97);
  }

  private void raw() {
    switch (rnd.nextInt(9)) {
      case 0 -> out.append("<style>div > p { color: red } </style>");
      case 1 -> out.append("<script>if (a < b && c > d) {}</script>");
      case 2 -> out.append("<textarea>").append(chance(50) ? "\n" : "").append("a &amp; <b>b</b></textarea>");
      case 3 -> out.append("<title>in body</title>");
      case 4 -> out.append("<xmp><i>raw</i></xmp>");
      case 5 -> out.append("<!--[if !mso]><!-->visible<!--<![endif]-->");
      case 6 -> out.append("<![if !supportLists]><span>1.<span>&nbsp;</span></span><![endif]>");
      case 7 -> out.append("<iframe src=x>frame</iframe>");
      default -> out.append("<noembed>e</noembed>");
    }
  }

  private void misc() {
    switch (rnd.nextInt(16)) {
      case 0 -> out.append("<br>");
      case 1 -> out.append("<br/>");
      case 2 -> out.append("</br>");
      case 3 -> out.append("<hr>");
      case 4 -> out.append("<img src=\"cid:x\" alt=\"").append(pick(WORDS)).append("\">");
      case 5 -> out.append("<!-- comment -- with dashes --->");
      case 6 -> out.append("</").append(pick(INLINE)).append('>');
      case 7 -> out.append("</").append(pick(BLOCK)).append('>');
      case 8 -> out.append("a < b <3 ");
      case 9 -> out.append("</p>");
      case 10 -> out.append("<![CDATA[ data ]]>");
      case 11 -> out.append("<!bogus>");
      case 12 -> out.append("</>");
      case 13 -> out.append("<wbr>");
      case 14 -> out.append("<?php echo 1 ?>");
      default -> out.append("</td>");
    }
  }

  private void quote(int depth) {
    switch (rnd.nextInt(5)) {
      case 0 -> {
        out.append("<div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">On Mon, Jan 5 wrote:<br></div>");
        out.append("<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex\">");
        children(depth);
        text();
        out.append("</blockquote></div>");
      }
      case 1 -> {
        out.append("<blockquote type=\"cite\">");
        children(depth);
        text();
        close("blockquote", 90);
      }
      case 2 -> {
        out.append("<div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri\"><b>From:</b> desk<br><b>Sent:</b> "
            + "Monday</font></div>");
        children(depth);
      }
      case 3 -> {
        out.append("<div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\">"
            + "<p class=\"MsoNormal\"><b>From:</b> desk<o:p></o:p></p></div>");
        children(depth);
      }
      default -> {
        out.append("<div class=\"moz-cite-prefix\">On 05/01 wrote:<br></div><blockquote type=\"cite\" cite=\"mid:x\">");
        children(depth);
        out.append("</blockquote>");
      }
    }
  }
}
