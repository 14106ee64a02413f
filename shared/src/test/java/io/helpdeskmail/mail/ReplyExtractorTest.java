package io.helpdeskmail.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplyExtractorTest {
  private final ReplyExtractor extractor = new ReplyExtractor();

  @Test
  void extract_shouldCutQuote_whenEnglishAttributionIsWrappedOverTwoLines() {
    // GIVEN a top-posted answer above a Gmail attribution split over two lines
    String text = "The parcel arrived today, thanks.\n\nOn Tue, Feb 3, 2026 at 9:14 AM Shop Team <\n"
        + "team@shop.example> wrote:\n\n> Your parcel left our warehouse.\n";
    // WHEN
    ReplyBody body = extractor.extract(text);
    // THEN only the answer is left
    assertEquals("The parcel arrived today, thanks.", body.visible());
    assertEquals("The parcel arrived today, thanks.", body.reply());
  }

  @Test
  void extract_shouldCutUnquotedHistory_whenLocalizedAttributionsIntroduceIt() {
    // GIVEN answers above attribution lines in several languages, followed by unquoted history
    String[] attributions = {
        "Le 3 févr. 2026 à 09:14, Équipe <equipe@boutique.example> a écrit :",
        "Am 03.02.2026 um 09:14 schrieb Team <team@laden.example>:",
        "El 3 feb 2026, a las 9:14, Equipo <equipo@tienda.example> escribió:",
        "Il giorno 3 febbraio 2026, Squadra <squadra@negozio.example> ha scritto:",
        "Op 3 feb. 2026 om 09:14 schreef Team <team@winkel.example>:",
        "Em 3 de fev. de 2026, às 09:14, Equipe <equipe@loja.example> escreveu:",
        "Den 3. feb. 2026 kl. 09.14 skrev Team <team@butik.example>:",
        "W dniu 3.02.2026 o 09:14 Zespół <zespol@sklep.example> pisze:",
        "2026年2月3日(火) 9:14 チーム <team@mise.example>:",
        "在 2026年2月3日，09:14，团队 <team@shangdian.example> 写道：",
    };
    for (String attribution : attributions) {
      String text = "Merci, c'est réglé.\n\n" + attribution + "\n\nVotre commande est partie.\n";
      // WHEN
      ReplyBody body = extractor.extract(text);
      // THEN the history below the attribution is gone
      assertEquals("Merci, c'est réglé.", body.visible(), attribution);
    }
  }

  @Test
  void extract_shouldCutHeaderBlock_whenOutlookHeadersFollowTheAnswer() {
    // GIVEN an Outlook reply with a separator and a German header block
    String text = "Bitte storniert die Bestellung.\n\n________________________________\n"
        + "Von: Laden <info@laden.example>\nGesendet: Dienstag, 3. Februar 2026 09:14\n"
        + "An: Kundin <kundin@example.org>\nBetreff: Ihre Bestellung\n\nIhre Bestellung ist unterwegs.\n";
    // WHEN
    ReplyBody body = extractor.extract(text);
    // THEN the visible text stops before the separator
    assertEquals("Bitte storniert die Bestellung.", body.visible());
  }

  @Test
  void extract_shouldCutHistory_whenOriginalMessageSeparatorFollowsTheAnswer() {
    // GIVEN a reply above an "Original Message" separator
    String text = "Works for me.\n\n-----Original Message-----\nFrom: Desk <desk@example.net>\n\nOld text\n";
    // WHEN
    ReplyBody body = extractor.extract(text);
    // THEN
    assertEquals("Works for me.", body.visible());
  }

  @Test
  void extract_shouldKeepInterleavedAnswers_whenCustomerRepliesInline() {
    // GIVEN answers written between quoted questions
    String text = "On Mon, Jan 5, 2026 at 8:00 AM Desk <desk@example.net> wrote:\n"
        + "> Which browser do you use?\n\nFirefox on Linux.\n\n> Did you clear the cache?\n\nYes, twice.\n";
    // WHEN
    ReplyBody body = extractor.extract(text);
    // THEN visible has the answers only, reply keeps the quoted questions for context
    assertEquals("Firefox on Linux.\n\nYes, twice.", body.visible());
    assertTrue(body.reply().contains("> Which browser do you use?"));
    assertTrue(body.reply().contains("Yes, twice."));
  }

  @Test
  void extract_shouldTreatRewrappedLinesAsQuote_whenSqueezedBetweenQuotedLines() {
    // GIVEN a quote whose long line was re-wrapped without the ">" marker
    String text = "Fine by me.\n\nOn 2 Feb 2026, at 10:00, Desk <desk@example.net> wrote:\n"
        + "> We will move the appointment to a later date if that\nsuits you better.\n> Regards\n";
    // WHEN
    ReplyBody body = extractor.extract(text);
    // THEN the wrapped tail is not mistaken for an inline answer
    assertEquals("Fine by me.", body.visible());
  }

  @Test
  void extract_shouldSplitSignature_whenDashDashDelimiterIsPresent() {
    // GIVEN a reply with a conventional signature
    String text = "See the log attached.\n\n-- \nRobin Example\nExample Ltd\n";
    // WHEN
    ReplyBody body = extractor.extract(text);
    // THEN
    assertEquals("See the log attached.", body.visible());
    assertEquals("--\nRobin Example\nExample Ltd", body.signature());
    assertTrue(body.reply().contains("Robin Example"));
  }

  @Test
  void extract_shouldSplitSignature_whenMobileLineEndsTheReply() {
    // GIVEN replies ending with mobile client lines in several languages
    for (String mobile : new String[] {"Sent from my iPhone", "Envoyé de mon iPhone", "Von meinem iPad gesendet",
        "Get Outlook for Android", "Enviado desde mi Samsung", "Sent from Mail for Windows"}) {
      // WHEN
      ReplyBody body = extractor.extract("Yes please.\n\n" + mobile + "\n");
      // THEN
      assertEquals("Yes please.", body.visible(), mobile);
      assertEquals(mobile, body.signature(), mobile);
    }
  }

  @Test
  void extract_shouldKeepSentence_whenSentFromIsOrdinaryProse() {
    // GIVEN a sentence that merely starts like a mobile signature
    String text = "Here is the answer\n\nSent from my office, which is far quieter than home.";
    // WHEN
    ReplyBody body = extractor.extract(text);
    // THEN nothing is taken as signature
    assertEquals(text, body.visible());
    assertNull(body.signature());
  }

  @Test
  void extract_shouldSplitSignOff_whenClosingWithNameEndsTheText() {
    // GIVEN a reply closed by a sign-off and a name
    String text = "The invoice is still missing.\n\nKind regards,\nSam Sample\nSample GmbH\n";
    // WHEN
    ReplyBody body = extractor.extract(text);
    // THEN visible drops the closing, reply keeps it
    assertEquals("The invoice is still missing.", body.visible());
    assertTrue(body.reply().endsWith("Sample GmbH"));
  }

  @Test
  void extract_shouldKeepText_whenWroteHasNoDateOrAddress() {
    // GIVEN prose containing "wrote:" without date or address
    String text = "My colleague wrote:\nthe printer is broken again.";
    // WHEN
    ReplyBody body = extractor.extract(text);
    // THEN nothing is cut
    assertEquals(text, body.visible());
  }

  @Test
  void extract_shouldReturnWholeText_whenEverythingLooksQuoted() {
    // GIVEN a message that is only a quote
    String text = "> only an old line\n> and another";
    // WHEN
    ReplyBody body = extractor.extract(text);
    // THEN the text is kept rather than returning nothing
    assertEquals(text, body.visible());
  }

  @Test
  void extract_shouldDropMailingListFooter_whenSeparatorPrecedesListLines() {
    // GIVEN a list post with the list software's footer
    String text = "Is the 2.0 release planned?\n\n_______________________________________________\n"
        + "users mailing list\nusers@lists.example.org\nhttps://lists.example.org/listinfo/users\n";
    // WHEN
    ReplyBody body = extractor.extract(text);
    // THEN
    assertEquals("Is the 2.0 release planned?", body.reply());
  }

  @Test
  void extract_shouldKeepForwardInReplyOnly_whenCustomerForwardsAMessage() {
    // GIVEN a comment above a forwarded message
    String text = "Please look at this.\n\n---------- Forwarded message ---------\nFrom: Bank <no@bank.example>\n"
        + "Date: Mon, 5 Jan 2026\nSubject: Notice\n\nYour card expires.\n";
    // WHEN
    ReplyBody body = extractor.extract(text);
    // THEN the customer's words are visible, the forwarded mail stays in reply
    assertEquals("Please look at this.", body.visible());
    assertTrue(body.reply().contains("Your card expires."));
  }

  @Test
  void extract_shouldKeepReplyText_whenAttributionSharesItsLine() {
    // GIVEN a client that glued the attribution to the last reply line
    String text = "ok On Wed, Apr 1, 2026 at 3:00 PM, desk@example.net wrote:\n> hi";
    // WHEN
    ReplyBody body = extractor.extract(text);
    // THEN
    assertEquals("ok", body.visible());
  }

  @Test
  void extract_shouldStayFast_whenTextIsLarge() {
    // GIVEN about 200 KB of prose with colons and quoted lines
    String para = "Line with a colon: and some words 12:30 on 2026-01-01.\n> quoted line\nplain line\n\n";
    String text = para.repeat(2500);
    // WHEN
    long t0 = System.nanoTime();
    for (int i = 0; i < 5; i++) extractor.extract(text);
    long ms = (System.nanoTime() - t0) / 5_000_000;
    // THEN it stays linear (a generous bound for shared CI machines)
    assertTrue(ms < 500, "took " + ms + " ms");
  }
}
