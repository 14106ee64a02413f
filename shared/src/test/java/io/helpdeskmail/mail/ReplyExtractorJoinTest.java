package io.helpdeskmail.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The extractor joins the reply's lines once, and reads a list footer line by line, with the same results. */
class ReplyExtractorJoinTest {
  private final ReplyExtractor extractor = new ReplyExtractor();

  @Test
  void extract_shouldDropTheTrailingRuleFromVisibleOnly_whenTheReplyEndsWithOne() {
    // GIVEN a reply whose last line is a rule (the visible text drops it, the reply keeps it)
    String text = "Thanks, that fixed it.\n\n-----\n";
    // WHEN
    ReplyBody body = extractor.extract(text);
    // THEN the visible text is joined from its own lines, not taken over from the reply
    assertEquals("Thanks, that fixed it.\n\n-----", body.reply());
    assertEquals("Thanks, that fixed it.", body.visible());
  }

  @Test
  void extract_shouldGiveTheReplyAsVisible_whenNoLineIsQuotedOrASignature() {
    // GIVEN a reply with blank-line runs and trailing spaces, and nothing to take out
    String text = "  First line.  \n\n\n\nSecond line.\t\n";
    // WHEN
    ReplyBody body = extractor.extract(text);
    // THEN reply and visible are the same joined text
    assertEquals("First line.\n\nSecond line.", body.reply());
    assertEquals(body.reply(), body.visible());
  }

  @Test
  void extract_shouldDropTheListFooter_whenItsWordIsOnALaterLineInUpperCase() {
    // GIVEN a footer below a rule whose list word stands on its third line, in capitals
    String text = "Is the 2.0 release planned?\n\n----------\nExample users\nhttps://lists.example.org\n"
        + "To leave, UNSUBSCRIBE at the address above\n";
    // WHEN
    ReplyBody body = extractor.extract(text);
    // THEN the footer is cut
    assertEquals("Is the 2.0 release planned?", body.reply());
  }

  @Test
  void extract_shouldKeepTheLinesBelowARule_whenAListWordIsSplitAcrossTwoLines() {
    // GIVEN lines below a rule where "mailing" ends one line and "list" opens the next
    String text = "Is the 2.0 release planned?\n\n----------\nI read it on the mailing\nlist last week\n";
    // WHEN
    ReplyBody body = extractor.extract(text);
    // THEN no footer is found: the words are looked for within lines, as in the joined tail
    assertEquals(text.strip(), body.reply());
  }
}
