package io.helpdeskmail.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Reply, signature and visible text of plain-text replies, one client habit per test (inline answers, wrapped headers, localised Outlook blocks). */
class ReplyExtractorClientHabitsTest {
  private final ReplyExtractor extractor = new ReplyExtractor();

  @Test
  void extract_shouldDropHistory_whenGmailHeaderWrapsOverTwoLines() {
    // GIVEN a top-posted answer whose "On ... wrote:" header the client wrapped after the address
    String text = """
        The parcel arrived, thank you!

        On Mon, 2 Mar 2026 at 10:15, Shop Support <support@shop.example>
        wrote:
        > Your parcel left our warehouse today.
        """;
    // WHEN the reply is extracted
    ReplyBody b = extractor.extract(text);
    // THEN only the new sentence remains
    assertEquals("The parcel arrived, thank you!", b.visible());
  }

  @Test
  void extract_shouldKeepInlineAnswers_whenCustomerRepliesBetweenQuotes() {
    // GIVEN an answer written between quoted questions
    String text = """
        On 2 Mar 2026 10:15, Shop Support <support@shop.example> wrote:
        > Which size do you need?

        Size 43, please.

        > And which colour?

        Black.
        """;
    // WHEN the reply is extracted
    ReplyBody b = extractor.extract(text);
    // THEN both answers are kept and the quotes are gone
    assertEquals("Size 43, please.\n\nBlack.", b.visible());
  }

  @Test
  void extract_shouldCutAtOutlookBlock_whenHeadersAreLocalised() {
    // GIVEN a French Outlook reply, whose history has no ">" at all
    String text = """
        Merci pour votre retour rapide.

        De : Service client <support@shop.example>
        Envoyé : lundi 2 mars 2026 10:15
        À : Claire Martin
        Objet : Votre commande

        Votre commande est partie.
        """;
    // WHEN the reply is extracted
    // THEN the localized header block ends the reply
    assertEquals("Merci pour votre retour rapide.", extractor.extract(text).visible());
  }

  @Test
  void extract_shouldKeepSentence_whenItEndsInWroteButNamesNoDateOrAddress() {
    // GIVEN a customer sentence that merely ends like a header
    String text = "Here is what my colleague wrote:\n\nThe screen flickers after the update.";
    // WHEN the reply is extracted
    // THEN nothing is cut: a reply header names a date or an address
    assertEquals(text, extractor.extract(text).visible());
  }

  @Test
  void extract_shouldSplitSignature_whenClosingFormulaAndPhoneLineFollow() {
    // GIVEN a German reply with a closing formula, a name and the phone's line
    String text = "Hallo,\n\ndas Paket ist beschädigt angekommen.\n\nViele Grüße\nJürgen\n\nVon meinem iPhone gesendet";
    // WHEN the reply is extracted
    ReplyBody b = extractor.extract(text);
    // THEN the signature holds the formula, the name and the phone line; visible the message
    assertEquals("Hallo,\n\ndas Paket ist beschädigt angekommen.", b.visible());
    assertEquals("Viele Grüße\nJürgen\n\nVon meinem iPhone gesendet", b.signature());
    assertEquals(text, b.reply());
  }

  @Test
  void extract_shouldNotTreatGreetingAsSignature_whenLongTextFollows() {
    // GIVEN "Regards," used mid-message with a long paragraph after it
    String text = "Regards,\nI still have not received the refund for the order I returned three weeks ago, "
        + "although your colleague promised it within five working days.";
    // WHEN the reply is extracted
    ReplyBody b = extractor.extract(text);
    // THEN nothing is taken for a signature
    assertEquals(text, b.visible());
    assertNull(b.signature());
  }

  @Test
  void extract_shouldDropReWrappedQuoteTails_whenClientBrokeLongQuotedLines() {
    // GIVEN a quote whose long line a client wrapped without its ">"
    String text = """
        Thanks, that solved it.

        > We have reset your password; please sign in again with the link in the message we sent
        yesterday.
        > Best regards
        """;
    // WHEN the reply is extracted
    // THEN the tail of the quoted line is not taken for an inline answer
    assertEquals("Thanks, that solved it.", extractor.extract(text).visible());
  }

  @Test
  void extract_shouldCutJapaneseHeader_whenDateAndAddressEndInFullWidthColon() {
    // GIVEN a Japanese reply header ending in a full-width colon
    String text = "承知しました。\n\n2026年3月2日(月) 10:15 Shop Support <support@shop.example>:\n> ご注文ありがとうございます。";
    // WHEN the reply is extracted
    // THEN the header and the quote are gone
    assertEquals("承知しました。", extractor.extract(text).visible());
  }
}
