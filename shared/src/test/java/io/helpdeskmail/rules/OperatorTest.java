package io.helpdeskmail.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorTest {
  private static final Field.Ref SUBJECT = new Field.Ref(Field.SUBJECT, null);
  private static final Field.Ref TEXT = new Field.Ref(Field.TEXT, null);
  private static final Field.Ref FULL_TEXT = new Field.Ref(Field.FULL_TEXT, null);
  private static final Field.Ref FROM = new Field.Ref(Field.FROM, null);
  private static final Field.Ref FROM_DOMAIN = new Field.Ref(Field.FROM_DOMAIN, null);
  private static final Field.Ref TO = new Field.Ref(Field.TO, null);
  private static final Field.Ref LANGUAGE = new Field.Ref(Field.LANGUAGE, null);
  private static final Field.Ref TAGS = new Field.Ref(Field.TAGS, null);
  private static final Field.Ref PRIORITY = new Field.Ref(Field.PRIORITY, null);
  private static final Field.Ref ATTACHMENT_NAME = new Field.Ref(Field.ATTACHMENT_NAME, null);
  private static final Field.Ref ATTACHMENT_TYPE = new Field.Ref(Field.ATTACHMENT_TYPE, null);
  private static final Field.Ref MESSAGE_COUNT = new Field.Ref(Field.MESSAGE_COUNT, null);
  private static final Field.Ref ATTACHMENT_COUNT = new Field.Ref(Field.ATTACHMENT_COUNT, null);
  private static final Field.Ref AMOUNT = new Field.Ref(Field.CUSTOM, "amount");

  private static Operator.Contains contains(String... phrases) {
    return new Operator.Contains(List.of(phrases).stream().map(WordIndex.Phrase::of).toList());
  }

  private static Operator.Compare greater(Priority p) {
    return new Operator.Compare(true, p.ordinal(), p.label());
  }

  private static Operator.Compare less(Priority p) {
    return new Operator.Compare(false, p.ordinal(), p.label());
  }

  private static Facts withPriority(String priority) {
    Classification.Builder c = Classification.NONE.toBuilder();
    c.priority = priority;
    return Inputs.mail().facts(c);
  }

  private static Facts withCustom(String name, String value) {
    Classification.Builder c = Classification.NONE.toBuilder();
    c.customFields.put(name, value);
    return Inputs.mail().facts(c);
  }

  // ---- contains ---------------------------------------------------------------------------------------------

  @Test
  void contains_shouldMatchOnWordBoundaries_whenFieldIsText() {
    // GIVEN the keyword "return" and texts with the word and with longer words
    Operator op = contains("return");
    // WHEN / THEN only the whole word matches
    assertEquals("text contains \"return\"", op.test(Inputs.mail().text("I want to RETURN it.").facts(), TEXT));
    assertNull(op.test(Inputs.mail().text("I returned it").facts(), TEXT));
    assertNull(op.test(Inputs.mail().text("returns policy").facts(), TEXT));
  }

  @Test
  void contains_shouldMatchAnyListedPhrase_whenSeveralAreGiven() {
    // GIVEN several phrases, the second of which is in the subject
    Operator op = contains("money back", "Remboursement", "refund");
    // WHEN
    String why = op.test(Inputs.mail().subject("Demande de REMBOURSEMENT").facts(), SUBJECT);
    // THEN the trace names the phrase as the configuration wrote it
    assertEquals("subject contains \"Remboursement\"", why);
    assertNull(op.test(Inputs.mail().subject("Question").facts(), SUBJECT));
  }

  @Test
  void contains_shouldFoldAccentsBothWays_whenTextAndKeywordDiffer() {
    // GIVEN a keyword with accents and one without
    // WHEN / THEN each matches the text written the other way
    assertNotNull(contains("téléphone").test(Inputs.mail().text("my TELEPHONE is broken").facts(), TEXT));
    assertNotNull(contains("TELEPHONE").test(Inputs.mail().text("mon téléphone est cassé").facts(), TEXT));
    assertNotNull(contains("l'écran").test(Inputs.mail().text("L\u2019ÉCRAN est noir").facts(), TEXT));
  }

  @Test
  void contains_shouldMatchPhraseAcrossPunctuation_whenWordsAreAdjacent() {
    // GIVEN the phrase "money back" and a text that breaks it with punctuation
    // WHEN / THEN it matches
    assertNotNull(contains("money back").test(Inputs.mail().text("I want my money -- back!").facts(), TEXT));
    assertNull(contains("money back").test(Inputs.mail().text("my money, or send it back").facts(), TEXT));
  }

  @Test
  void contains_shouldReadQuotedHistory_whenFieldIsFullText() {
    // GIVEN a reply whose keyword is only in the quoted history
    RuleFacts facts = Inputs.mail().text("Any news?").fullText("Any news?\n> Your refund is on its way").facts();
    // WHEN / THEN full-text sees it, text does not
    assertNotNull(contains("refund").test(facts, FULL_TEXT));
    assertNull(contains("refund").test(facts, TEXT));
  }

  @Test
  void contains_shouldTestFoldedSubstring_whenFieldIsAValue() {
    // GIVEN value fields: sender, recipients, attachment names
    RuleFacts facts = Inputs.mail().from("Jean@Sub.BigCorp.example").to("support@shop.example", "billing@shop.example")
        .attachment("Facture-Été.PDF", "application/pdf").facts();
    // WHEN / THEN a value containing the folded text matches, even inside a word
    assertEquals("from contains \"bigcorp\"", contains("bigcorp").test(facts, FROM));
    assertNotNull(contains("billing@").test(facts, TO));
    assertNotNull(contains("facture-ete").test(facts, ATTACHMENT_NAME));
    assertNotNull(contains(".pdf").test(facts, ATTACHMENT_NAME));
    assertNull(contains("returns@").test(facts, TO));
  }

  @Test
  void contains_shouldNotMatch_whenValueFieldIsEmpty() {
    // GIVEN a mail without attachments
    // WHEN / THEN nothing is contained in the attachment names
    assertNull(contains("pdf").test(Inputs.mail().facts(), ATTACHMENT_NAME));
  }

  // ---- regex ------------------------------------------------------------------------------------------------

  @Test
  void matches_shouldIgnoreCase_whenTextIsInCapitals() {
    // GIVEN a lower-case pattern and a subject in capitals, including non-ASCII letters
    Operator op = Operator.Matches.of("order\\s*#?\\d{6}");
    // WHEN
    String why = op.test(Inputs.mail().subject("Re: ORDER #123456 missing").facts(), SUBJECT);
    // THEN it matches and the trace quotes what matched
    assertEquals("subject matches \"ORDER #123456\"", why);
    assertNotNull(Operator.Matches.of("écran").test(Inputs.mail().text("L'ÉCRAN EST NOIR").facts(), TEXT));
    assertNull(op.test(Inputs.mail().subject("order 12345").facts(), SUBJECT));
  }

  @Test
  void matches_shouldSeeTheTextAsWritten_whenPatternNeedsAccentsAndPunctuation() {
    // GIVEN a pattern that relies on the accent and the degree sign of the original text
    Operator op = Operator.Matches.of("n°\\s*\\d+");
    // WHEN / THEN regex runs on the unfolded text
    assertNotNull(op.test(Inputs.mail().text("commande n° 1234567").facts(), TEXT));
    assertNull(Operator.Matches.of("telephone").test(Inputs.mail().text("téléphone").facts(), TEXT));
  }

  @Test
  void matches_shouldTestEachValue_whenFieldIsAValue() {
    // GIVEN two recipients, the second on a partner domain
    RuleFacts facts = Inputs.mail().to("support@shop.example", "ops@Partner.example").facts();
    // WHEN / THEN the pattern may match any of them
    assertEquals("to matches \"@Partner.example\"",
        Operator.Matches.of("@partner\\.example$").test(facts, TO));
    assertNull(Operator.Matches.of("^ops@shop").test(facts, TO));
  }

  @Test
  void matches_shouldClipLongMatches_whenTracing() {
    // GIVEN a pattern that matches a 200-character text
    String text = "a".repeat(200);
    // WHEN
    String why = Operator.Matches.of("a+").test(Inputs.mail().text(text).facts(), TEXT);
    // THEN the trace quotes 80 characters and an ellipsis
    assertEquals("text matches \"" + "a".repeat(80) + "...\"", why);
  }

  // ---- equals / in ------------------------------------------------------------------------------------------

  @Test
  void equals_shouldCompareWholeFoldedText_whenFieldIsText() {
    // GIVEN a subject that is exactly "Hello" in other clothes, and one that only contains it
    Operator op = new Operator.Equals(List.of("héllo"));
    // WHEN / THEN only the whole subject matches
    assertEquals("subject is \"héllo\"", op.test(Inputs.mail().subject("  HELLO \n").facts(), SUBJECT));
    assertNull(op.test(Inputs.mail().subject("hello there").facts(), SUBJECT));
  }

  @Test
  void equals_shouldMatchAnyValueOfAnyListedValue_whenFieldHasSeveralValues() {
    // GIVEN a ticket with two tags, and the "in" list [urgent, angry]
    Classification.Builder c = Classification.NONE.toBuilder().tag("delivery").tag("angry");
    RuleFacts facts = Inputs.mail().facts(c);
    // WHEN / THEN one common value is enough; values are not substrings
    assertEquals("tags is \"angry\"", new Operator.Equals(List.of("urgent", "angry")).test(facts, TAGS));
    assertNull(new Operator.Equals(List.of("ang")).test(facts, TAGS));
    assertNull(new Operator.Equals(List.of("urgent")).test(facts, TAGS));
  }

  @Test
  void equals_shouldFoldCase_whenComparingLanguageAndDomain() {
    // GIVEN a French mail from a mixed-case domain
    RuleFacts facts = Inputs.mail().language("fr").from("Marie@Mail.Example").facts();
    // WHEN / THEN
    assertNotNull(new Operator.Equals(List.of("FR")).test(facts, LANGUAGE));
    assertNotNull(new Operator.Equals(List.of("mail.example")).test(facts, FROM_DOMAIN));
    assertNull(new Operator.Equals(List.of("en")).test(facts, LANGUAGE));
  }

  @Test
  void equals_shouldNotMatch_whenValueIsUnknown() {
    // GIVEN a mail whose language was not detected
    // WHEN / THEN no value equals it
    assertNull(new Operator.Equals(List.of("en")).test(Inputs.mail().facts(), LANGUAGE));
  }

  @Test
  void equals_shouldCompareWholeNumbers_whenFieldIsANumber() {
    // GIVEN the third message of a ticket
    RuleFacts facts = Inputs.mail().messageCount(3).facts();
    // WHEN / THEN "3" equals, "2" and "3.5" do not
    assertEquals("message-count is \"3\"", new Operator.Equals(List.of("2", "3")).test(facts, MESSAGE_COUNT));
    assertNull(new Operator.Equals(List.of("3.5")).test(facts, MESSAGE_COUNT));
  }

  @Test
  void equals_shouldMatchContentType_whenAttachmentIsAPdf() {
    // GIVEN a mail with an image and a PDF
    RuleFacts facts = Inputs.mail().attachment("a.png", "image/png").attachment("b.pdf", "application/pdf").facts();
    // WHEN / THEN
    assertNotNull(new Operator.Equals(List.of("application/pdf")).test(facts, ATTACHMENT_TYPE));
    assertNull(new Operator.Equals(List.of("application/zip")).test(facts, ATTACHMENT_TYPE));
  }

  // ---- greater / less ---------------------------------------------------------------------------------------

  @Test
  void compare_shouldFollowPriorityOrder_whenFieldIsPriority() {
    // GIVEN "greater than normal" and "less than high"
    // WHEN / THEN priorities compare in the order low < normal < high < urgent, not alphabetically
    assertNotNull(greater(Priority.NORMAL).test(withPriority("high"), PRIORITY));
    assertNotNull(greater(Priority.NORMAL).test(withPriority("urgent"), PRIORITY));
    assertNull(greater(Priority.NORMAL).test(withPriority("normal"), PRIORITY));
    assertNull(greater(Priority.NORMAL).test(withPriority("low"), PRIORITY));
    assertNotNull(less(Priority.HIGH).test(withPriority("normal"), PRIORITY));
    assertNotNull(less(Priority.HIGH).test(withPriority("low"), PRIORITY));
    assertNull(less(Priority.HIGH).test(withPriority("high"), PRIORITY));
    assertNull(less(Priority.HIGH).test(withPriority("urgent"), PRIORITY));
  }

  @Test
  void compare_shouldNotMatch_whenPriorityIsUnset() {
    // GIVEN a classification without priority
    // WHEN / THEN it is neither greater nor less
    assertNull(less(Priority.URGENT).test(withPriority(null), PRIORITY));
    assertNull(greater(Priority.LOW).test(withPriority(null), PRIORITY));
  }

  @Test
  void compare_shouldCompareStrictly_whenFieldIsMessageCount() {
    // GIVEN "message-count greater 5"
    Operator op = new Operator.Compare(true, 5, "5");
    // WHEN / THEN 6 is greater, 5 is not
    assertEquals("message-count greater than 5 (6)", op.test(Inputs.mail().messageCount(6).facts(), MESSAGE_COUNT));
    assertNull(op.test(Inputs.mail().messageCount(5).facts(), MESSAGE_COUNT));
    assertEquals("message-count less than 2 (1)",
        new Operator.Compare(false, 2, "2").test(Inputs.mail().messageCount(1).facts(), MESSAGE_COUNT));
  }

  @Test
  void compare_shouldCountAttachments_whenFieldIsAttachmentCount() {
    // GIVEN a mail with two attachments
    RuleFacts facts = Inputs.mail().attachment("a.png", "image/png").attachment("b.png", "image/png").facts();
    // WHEN / THEN
    assertNotNull(new Operator.Compare(true, 1, "1").test(facts, ATTACHMENT_COUNT));
    assertNull(new Operator.Compare(true, 2, "2").test(facts, ATTACHMENT_COUNT));
  }

  @Test
  void compare_shouldReadNumbers_whenCustomFieldHoldsOne() {
    // GIVEN a custom field holding " 1500 " and one holding text
    Operator op = new Operator.Compare(true, 1000, "1000");
    // WHEN / THEN the number compares, the text is neither greater nor less
    assertEquals("field.amount greater than 1000 ( 1500 )", op.test(withCustom("amount", " 1500 "), AMOUNT));
    assertNull(op.test(withCustom("amount", "999.5"), AMOUNT));
    assertNull(op.test(withCustom("amount", "a lot"), AMOUNT));
    assertNull(new Operator.Compare(false, 1000, "1000").test(withCustom("amount", "a lot"), AMOUNT));
    assertNull(op.test(Inputs.mail().facts(), AMOUNT));
  }
}
