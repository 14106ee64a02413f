package io.helpdeskmail.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void convert_shouldCutBeforeGmailQuote_whenReplyHasGmailQuoteContainer() {
    // GIVEN a Gmail-style reply
    String html = "<div dir=\"ltr\">Thanks, that helped.</div><div class=\"gmail_quote\">"
        + "<div class=\"gmail_attr\">On Mon, Jan 5, 2026 Desk &lt;desk@example.net&gt; wrote:</div>"
        + "<blockquote>Try restarting.</blockquote></div>";
    // WHEN
    HtmlText.Result r = HtmlText.convert(html);
    // THEN
    assertTrue(r.quoteFound());
    assertEquals("Thanks, that helped.", r.beforeQuote());
    assertTrue(r.text().contains("Try restarting."));
  }

  @Test
  void convert_shouldNotLeaveRuleText_whenHorizontalRuleSeparatesHeaders() {
    // GIVEN a webmail reply whose history starts after an <hr>
    String html = "<div>All good now.<br><hr>From: desk@example.net<br>Date: Mon, 5 Jan 2026 10:00<br>"
        + "Subject: Ticket<br><br>Old text</div>";
    // WHEN
    HtmlText.Result r = HtmlText.convert(html);
    ReplyBody body = new ReplyExtractor().extract(r.beforeQuote());
    // THEN the rule leaves no dashes behind and the header block is cut
    assertFalse(r.text().contains("----"));
    assertEquals("All good now.", body.reply());
  }

  @Test
  void convert_shouldMarkBlockquoteLines_whenHtmlHasBlockquote() {
    // GIVEN a reply with a plain blockquote
    String html = "<p>Answer</p><blockquote><p>Question</p></blockquote>";
    // WHEN
    HtmlText.Result r = HtmlText.convert(html);
    // THEN the quote is prefixed in the full text and cut from beforeQuote
    assertTrue(r.text().contains("> Question"));
    assertEquals("Answer", r.beforeQuote());
  }

  @Test
  void convert_shouldReadOnlyTheLimit_whenAPageIsLongerThanItCanUsefullyBe() {
    // GIVEN an HTML page with a greeting, then paragraphs past the conversion limit, then a last paragraph
    StringBuilder html = new StringBuilder("<html><body><p>Hello support,</p>");
    for (int i = 0; html.length() < HtmlText.MAX_HTML_CHARS + 20_000; i++) html.append("<p>row ").append(i).append("</p>");
    html.append("<p>UNREACHED</p></body></html>");
    // WHEN converted
    HtmlText.Result r = HtmlText.convert(html.toString());
    // THEN the text starts with the greeting, ends on a whole paragraph, and nothing past the limit is read
    assertTrue(r.text().startsWith("Hello support,"));
    assertTrue(r.text().matches("(?s).*row \\d+"), r.text().substring(r.text().length() - 40));
    assertFalse(r.text().contains("UNREACHED"));
  }
}
