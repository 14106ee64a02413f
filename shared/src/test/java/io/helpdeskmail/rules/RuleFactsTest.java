package io.helpdeskmail.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.helpdeskmail.mail.CaseFold;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleFactsTest {
  private static final Field.Ref SUBJECT = new Field.Ref(Field.SUBJECT, null);
  private static final Field.Ref TEXT = new Field.Ref(Field.TEXT, null);

  /** Facts that fold on every call (the interface's defaults), the behaviour the kept folds must not change. */
  private record FoldingEachTime(RuleFacts inner) implements Facts {
    @Override
    public WordIndex words(Field.Ref f) {
      return WordIndex.of(inner.text(f));
    }

    @Override
    public String text(Field.Ref f) {
      return inner.text(f);
    }

    @Override
    public List<String> values(Field.Ref f) {
      return inner.values(f);
    }

    @Override
    public Double number(Field.Ref f) {
      return inner.number(f);
    }
  }

  @Test
  void caseFolded_shouldBeKeptPerField_whenPatternsReadTheSameText() {
    // GIVEN a text with ASCII and non-ASCII capitals, the Kelvin sign and a long s (they fold to k and s)
    RuleFacts facts = Inputs.mail().subject("ÉCRAN \u212Aelvin").text("Commande ſUB-AB12 STRAẞE").facts();
    // WHEN read twice
    String first = facts.caseFolded(TEXT);
    // THEN it is the case fold of the text, made once, and each field has its own
    assertEquals(CaseFold.of("Commande ſUB-AB12 STRAẞE"), first);
    assertSame(first, facts.caseFolded(TEXT));
    assertEquals(CaseFold.of("ÉCRAN \u212Aelvin"), facts.caseFolded(SUBJECT));
    assertEquals(TextFolding.fold("Commande ſUB-AB12 STRAẞE"), facts.folded(TEXT));
    assertSame(facts.folded(TEXT), facts.words(TEXT).folded());
  }

  @Test
  void matchesTest_shouldGiveTheSameEvidence_whenFoldsAreKeptOrMadeEachTime() {
    // GIVEN patterns that read the subject and the text, and texts whose case needs Unicode folding
    List<String> patterns = List.of("(?:order|commande|cmd)\\s*#?\\s*([0-9]{6,8})\\b", "SUB-[0-9A-Z]{4}", "\\bkelvin\\b",
        "straße", "\\b[0-9]{15}\\b", "écran");
    List<String> texts = List.of("Commande #1234567 reçue", "ſUB-AB12 et ORDER 7654321", "\u212Aelvin KELVIN",
        "STRAẞE 12 und Straße", "IMEI 356938035643809", "L'ÉCRAN est noir", "nothing here");
    int matched = 0;
    for (String subject : texts) {
      for (String text : texts) {
        RuleFacts kept = Inputs.mail().subject(subject).text(text).facts();
        Facts eachTime = new FoldingEachTime(Inputs.mail().subject(subject).text(text).facts());
        for (String p : patterns) {
          Operator.Matches op = Operator.Matches.of(p);
          for (Field.Ref f : List.of(SUBJECT, TEXT)) {
            // WHEN tested with folds kept in the facts and with folds made on each call
            String expected = op.test(eachTime, f);
            // THEN the evidence is the same
            assertEquals(expected, op.test(kept, f), p + " in " + f + " of " + subject + " / " + text);
            if (expected != null) matched++;
          }
        }
      }
    }
    assertNotNull(matched > 50 ? "" : null, matched + " matches"); // the cases do match, not only miss
  }
}
