package io.helpdeskmail.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegexLiteralsTest {
  @Test
  void hasDigitRun_shouldAgreeWithReadingEveryCharacter_whenTextsMixDigitRunsOfAllLengths() {
    // GIVEN texts of digit runs of random lengths between letters, spaces, full-width and Arabic-Indic digits
    java.util.Random rnd = new java.util.Random(3);
    String[] gaps = {" ", "a", "-", "\uFF11", "\u0663", "x ", ""};
    for (int round = 0; round < 50_000; round++) {
      StringBuilder sb = new StringBuilder();
      for (int k = rnd.nextInt(8); k >= 0; k--) {
        sb.append(gaps[rnd.nextInt(gaps.length)]);
        for (int d = rnd.nextInt(rnd.nextBoolean() ? 4 : 20); d > 0; d--) sb.append((char) ('0' + rnd.nextInt(10)));
      }
      String text = sb.toString();
      int n = rnd.nextInt(22) - 1;
      // WHEN / THEN reading every n-th character finds a run exactly when reading all of them does
      assertEquals(RegexLiterals.plainDigitRun(text, n), RegexLiterals.hasDigitRun(text, n), n + " in " + text);
    }
  }

  @Test
  void required_shouldListTheAlternatives_whenPatternStartsWithALiteralGroup() {
    // GIVEN patterns that start with literals WHEN read THEN every match needs one of the folded words
    assertEquals(List.of("order", "commande", "cmd"),
        RegexLiterals.required("(?:order|commande|cmd)\\s*(?:n[°o]\\.?|number|num[ée]ro|#|:)?\\s*([0-9]{6,8})\\b"));
    assertEquals(List.of("sub-"), RegexLiterals.required("\\b(SUB-[0-9A-Z]{8})\\b"));
    assertEquals(List.of("numero"), RegexLiterals.required("(?<value>Numéro)\\s+\\d+"));
    assertEquals(List.of("colo"), RegexLiterals.required("colou?r"));
  }

  @Test
  void required_shouldGiveNothing_whenAMatchCanDoWithoutAnyLiteral() {
    // GIVEN patterns where no single word is required WHEN read THEN no prefilter
    assertEquals(List.of(), RegexLiterals.required("order|commande"));
    assertEquals(List.of(), RegexLiterals.required("(?:order|commande)?\\d+"));
    assertEquals(List.of(), RegexLiterals.required("\\b[0-9]{15}\\b"));
    assertEquals(List.of(), RegexLiterals.required("(?:a|bc)x"));
    assertEquals(List.of(), RegexLiterals.required("(?=order)order"));
    assertEquals(List.of(), RegexLiterals.required("(?:ord(er)?|cmd)"));
  }

  @Test
  void test_shouldAgreeWithThePlainRegex_whenThePrefilterSkipsText() {
    // GIVEN a prefiltered operator and texts with and without its words, in other cases and with accents
    Operator.Matches m = new Operator.Matches(Pattern.compile("(?:order|commande)\\s*#?\\s*(\\d{6})",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    Field.Ref text = new Field.Ref(Field.TEXT, null);
    for (String t : List.of("ORDER #123456 please", "Ma Commande 654321", "no number here", "COMMANDÉ 111111",
        "ordre 123456", "")) {
      Facts f = Inputs.mail().text(t).facts();
      // WHEN tested THEN it matches exactly when the regex alone finds a match
      boolean plain = m.regex().matcher(t).find();
      String got = m.test(f, text);
      if (plain) assertTrue(got != null, t);
      else assertNull(got, t);
    }
  }

  @Test
  void requiredDigits_shouldReadTheLeadingDigitRun_whenPatternStartsWithDigits() {
    // GIVEN patterns starting with a counted digit class, and patterns where digits are optional or alternatives
    // WHEN read THEN the run every match needs, or 0
    assertEquals(15, RegexLiterals.requiredDigits("\\b[0-9]{15}\\b"));
    assertEquals(6, RegexLiterals.requiredDigits("(\\d{6,8})\\b"));
    assertEquals(4, RegexLiterals.requiredDigits("(?<value>[0-9]{4})-x"));
    assertEquals(0, RegexLiterals.requiredDigits("([0-9]{6})?abc"));
    assertEquals(0, RegexLiterals.requiredDigits("[0-9]{6}|abc"));
    assertEquals(0, RegexLiterals.requiredDigits("(?:[0-9]{6}|abc)"));
    assertEquals(0, RegexLiterals.requiredDigits("order [0-9]{6}"));
    assertTrue(RegexLiterals.hasDigitRun("imei 356938035643809", 15));
    assertTrue(!RegexLiterals.hasDigitRun("tel 06 12 34 56 78", 3));
  }

  @Test
  void requiredDigits_shouldBeZero_whenAnOuterGroupHasAnAlternativeWithoutDigits() {
    // GIVEN digits inside a group that is one side of an alternation, or an optional group
    // WHEN / THEN no digits are required ("x" alone matches)
    assertEquals(0, RegexLiterals.requiredDigits("(\\b[0-9]{6}|x)"));
    assertEquals(0, RegexLiterals.requiredDigits("(?:([0-9]{6})|x)"));
    assertEquals(0, RegexLiterals.requiredDigits("(?:([0-9]{6}))?x"));
    assertEquals(6, RegexLiterals.requiredDigits("(?:([0-9]{6}))x"));
  }
}
