package io.helpdeskmail.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConditionTest {
  private static final Field.Ref SUBJECT = new Field.Ref(Field.SUBJECT, null);
  private static final Field.Ref TEXT = new Field.Ref(Field.TEXT, null);
  private static final Field.Ref ATTACHMENT_TEXT = new Field.Ref(Field.ATTACHMENT_TEXT, null);
  private static final Field.Ref LANGUAGE = new Field.Ref(Field.LANGUAGE, null);

  private static Condition contains(Field.Ref f, String phrase) {
    return new Condition.Test(f, new Operator.Contains(List.of(WordIndex.Phrase.of(phrase))));
  }

  private static Condition language(String code) {
    return new Condition.Test(LANGUAGE, new Operator.Equals(List.of(code)));
  }

  /** Facts that count how often each field is read, over a real mail. */
  private static final class Counting implements Facts {
    final RuleFacts inner;
    final java.util.Map<Field, AtomicInteger> reads = new java.util.EnumMap<>(Field.class);

    Counting(Inputs in) {
      inner = in.facts();
    }

    int reads(Field f) {
      return reads.getOrDefault(f, new AtomicInteger()).get();
    }

    private void count(Field.Ref f) {
      reads.computeIfAbsent(f.field(), k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public WordIndex words(Field.Ref f) {
      count(f);
      return inner.words(f);
    }

    @Override
    public String text(Field.Ref f) {
      count(f);
      return inner.text(f);
    }

    @Override
    public List<String> values(Field.Ref f) {
      count(f);
      return inner.values(f);
    }

    @Override
    public Double number(Field.Ref f) {
      count(f);
      return inner.number(f);
    }
  }

  @Test
  void always_shouldMatch_whenMailIsEmpty() {
    // GIVEN a rule without "when"
    // WHEN / THEN
    assertEquals("always", new Condition.Always().match(Inputs.mail().facts()));
  }

  @Test
  void test_shouldReturnOperatorEvidence_whenFieldMatches() {
    // GIVEN a test of the subject
    Condition c = contains(SUBJECT, "refund");
    // WHEN / THEN the evidence comes from the operator
    assertEquals("subject contains \"refund\"", c.match(Inputs.mail().subject("Refund please").facts()));
    assertNull(c.match(Inputs.mail().text("Refund please").facts()));
  }

  @Test
  void all_shouldJoinEvidence_whenEveryPartMatches() {
    // GIVEN a French mail about a refund
    RuleFacts facts = Inputs.mail().language("fr").text("un remboursement").facts();
    Condition c = new Condition.All(List.of(language("fr"), contains(TEXT, "remboursement")));
    // WHEN / THEN
    assertEquals("language is \"fr\" and text contains \"remboursement\"", c.match(facts));
    assertNull(new Condition.All(List.of(language("en"), contains(TEXT, "remboursement"))).match(facts));
  }

  @Test
  void all_shouldStopAtFirstFailure_whenAPartDoesNotMatch() {
    // GIVEN all [language fr, subject contains colis] and an English mail
    Counting facts = new Counting(Inputs.mail().language("en").subject("colis"));
    Condition c = new Condition.All(List.of(language("fr"), contains(SUBJECT, "colis")));
    // WHEN
    String m = c.match(facts);
    // THEN the subject is never read
    assertNull(m);
    assertEquals(1, facts.reads(Field.LANGUAGE));
    assertEquals(0, facts.reads(Field.SUBJECT));
  }

  @Test
  void all_shouldNotExtractAttachmentText_whenCheapTestBeforeItFails() {
    // GIVEN an English mail whose attachment text must not be read, and all [language fr, attachment-text ...]
    RuleFacts facts = Inputs.mail().language("en").attachmentText(() -> {
      throw new AssertionError("attachment text extracted although an earlier test failed");
    }).facts();
    Condition c = new Condition.All(List.of(language("fr"), contains(ATTACHMENT_TEXT, "facture")));
    // WHEN / THEN no extraction happens
    assertNull(c.match(facts));
  }

  @Test
  void any_shouldReturnFirstMatchAndStop_whenAPartMatches() {
    // GIVEN any [language de, subject contains invoice, text contains invoice]
    Counting facts = new Counting(Inputs.mail().language("en").subject("Invoice").text("invoice attached"));
    Condition c = new Condition.Any(List.of(language("de"), contains(SUBJECT, "invoice"), contains(TEXT, "invoice")));
    // WHEN
    String m = c.match(facts);
    // THEN the evidence is the first matching part's and the text is not read
    assertEquals("subject contains \"invoice\"", m);
    assertEquals(0, facts.reads(Field.TEXT));
  }

  @Test
  void any_shouldNotMatch_whenNoPartMatches() {
    // GIVEN any of two tests, neither true
    Condition c = new Condition.Any(List.of(language("de"), contains(SUBJECT, "invoice")));
    // WHEN / THEN
    assertNull(c.match(Inputs.mail().language("fr").subject("Facture").facts()));
  }

  @Test
  void not_shouldInvertAndDescribe_whenInnerTestFails() {
    // GIVEN not (language is fr)
    Condition c = new Condition.Not(language("fr"), "field language, equals fr");
    // WHEN / THEN an English mail matches with the description, a French one does not
    assertEquals("not (field language, equals fr)", c.match(Inputs.mail().language("en").facts()));
    assertNull(c.match(Inputs.mail().language("fr").facts()));
  }

  @Test
  void not_shouldMatch_whenFieldIsUnknown() {
    // GIVEN not (language is fr) and a mail of unknown language
    Condition c = new Condition.Not(language("fr"), "language fr");
    // WHEN / THEN unknown is "not fr"
    assertEquals("not (language fr)", c.match(Inputs.mail().facts()));
  }

  @Test
  void nested_shouldCombine_whenAnyInsideAllInsideNot() {
    // GIVEN not (all [language fr, any [subject contains colis, text contains livraison]])
    Condition inner = new Condition.All(List.of(language("fr"),
        new Condition.Any(List.of(contains(SUBJECT, "colis"), contains(TEXT, "livraison")))));
    Condition c = new Condition.Not(inner, "french delivery");
    // WHEN / THEN
    assertNull(c.match(Inputs.mail().language("fr").text("La livraison est en retard").facts()));
    assertEquals("not (french delivery)", c.match(Inputs.mail().language("fr").text("Bonjour").facts()));
    assertEquals("not (french delivery)", c.match(Inputs.mail().language("en").subject("colis").facts()));
  }
}
