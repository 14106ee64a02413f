package io.helpdeskmail.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Texts longer than the scan limit: a pasted log is kept whole, history that starts early is still cut. */
class ReplyExtractorLongTextTest {
  private final ReplyExtractor extractor = new ReplyExtractor();

  private static String log(int chars) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; sb.length() < chars; i++) sb.append("May 29 11:58:").append(i % 60).append(" ubuntu kernel: event ").append(i).append('\n');
    return sb.toString();
  }

  @Test
  void extract_shouldKeepTheWholeText_whenALogLongerThanTheScanLimitHasNoHistory() {
    // GIVEN a customer's note followed by a pasted log past the scan limit, and a last line after it
    String text = "Hello, the device reboots every night, log below.\n\n" + log(ReplyExtractor.MAX_SCAN_CHARS + 50_000)
        + "Thanks, Ana\n";
    // WHEN the reply is extracted
    ReplyBody b = extractor.extract(text);
    // THEN nothing is cut: the log's end and the last line are part of the reply and of the visible text
    assertEquals(text.strip(), b.reply());
    assertTrue(b.visible().endsWith("Thanks, Ana"));
  }

  @Test
  void extract_shouldCutTheHistory_whenItStartsBeforeTheScanLimitOfALongText() {
    // GIVEN a short answer above a quoted thread that runs past the scan limit
    String quoted = log(ReplyExtractor.MAX_SCAN_CHARS + 10_000).replace("May", "> May");
    String text = "It happened again tonight.\n\nOn Mon, 23 Nov 2026 at 09:00, Support <support@shop.example> wrote:\n"
        + quoted;
    // WHEN the reply is extracted
    ReplyBody b = extractor.extract(text);
    // THEN only the answer is left
    assertEquals("It happened again tonight.", b.reply());
    assertFalse(b.visible().contains("kernel"));
  }
}
