package io.helpdeskmail.mail;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Makes customer HTML safe to show to agents: no scripts, event handlers, forms, iframes or remote-code
 * URLs; inline images (cid:) and links kept. Applied when HTML is shown, not at ingest, so a better
 * safelist protects old mail too.
 */
public final class HtmlSanitizer {
  private static final Safelist SAFELIST = Safelist.relaxed()
      .addProtocols("img", "src", "cid", "http", "https", "data")
      .addAttributes(":all", "style", "dir", "lang")
      .addAttributes("table", "cellpadding", "cellspacing", "border", "bgcolor")
      .addAttributes("td", "bgcolor", "align", "valign")
      .addAttributes("font", "color", "face", "size")
      .addTags("font", "center", "hr");

  private HtmlSanitizer() {}

  public static String sanitize(String html) {
    if (html == null) return null;
    Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
    return Jsoup.clean(html, "", SAFELIST, out);
  }
}
