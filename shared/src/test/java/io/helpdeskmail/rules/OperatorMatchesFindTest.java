package io.helpdeskmail.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Trying a pattern only where its opening words occur finds exactly the match Matcher.find finds. */
class OperatorMatchesFindTest {
  private static final List<String> PATTERNS = List.of(
      "(?:order|commande|cmd)\\s*(?:n[°o]\\.?|number|num[ée]ro|#|:)?\\s*#?\\s*([0-9]{6,8})\\b",
      "\\b(SUB-[0-9A-Z]{8})\\b", "SUB-[0-9A-Z]{8}", "\\b(INV-[0-9]{4}-[0-9]{5})\\b", "^refund", "colou?r\\b",
      "(?<=ref )abc\\d", "(straße|strasse) \\d+", "(?:imei\\s*:?\\s*)?\\b([0-9]{15})\\b", "\\bkelvin\\b");

  @Test
  void find_shouldReturnFindsMatch_whenTextsMixTheOpeningWordsInAnyCase() {
    // GIVEN the patterns compiled as configurations compile them, and texts built from their pieces in any case
    String[] pieces = {"order", "ORDER #", "Commande n° ", "cmd:", "1234567", "12345678", "SUB-AB12CD34", "sub-ab12cd3",
        "INV-2026-00042", "refund", "Refund", "colour", "COLOR", "ref abc1", "REF ABC2", "Straße 12", "STRASSE 7",
        "imei: 356938035643809", "356938035643809", "\u212Aelvin", "ſub-ABCDEFGH", " ", "\n", "x", "-", "é"};
    Random rnd = new Random(13);
    int matches = 0;
    for (String p : PATTERNS) {
      Operator.Matches op = Operator.Matches.of(p);
      Pattern plain = op.regex();
      for (int round = 0; round < 3_000; round++) {
        StringBuilder sb = new StringBuilder();
        for (int k = rnd.nextInt(8); k >= 0; k--) sb.append(pieces[rnd.nextInt(pieces.length)]);
        String text = sb.toString();
        // WHEN searched both ways
        Matcher expected = plain.matcher(text);
        boolean found = expected.find();
        Matcher actual = op.find(text);
        // THEN both find the same match, or neither does
        assertEquals(found, actual != null, p + " in " + text);
        if (found) {
          matches++;
          assertEquals(expected.start(), actual.start(), p + " in " + text);
          assertEquals(expected.end(), actual.end(), p + " in " + text);
          assertEquals(expected.group(), actual.group(), p + " in " + text);
        }
      }
    }
    assertTrue(matches > 2_000, matches + " matches"); // the texts do exercise matching, not only misses
  }

  @Test
  void find_shouldReturnFindsMatch_whenPatternStartsWithDigits() {
    // GIVEN patterns whose matches start with a run of digits, and texts of digit runs, letters and boundaries
    List<String> patterns = List.of("\\b[0-9]{15}\\b", "(\\d{6,8})\\b", "(?<value>[0-9]{4})-x", "^[0-9]{3}", "\\b(?:[0-9]{2})(?<=5)");
    String[] pieces = {"356938035643809", "3569380356438091", "1234567", "12", "2025", "-x", "x", " ", "\n", "a", "55", "-"};
    Random rnd = new Random(21);
    int matches = 0;
    for (String p : patterns) {
      Operator.Matches op = Operator.Matches.of(p);
      for (int round = 0; round < 3_000; round++) {
        StringBuilder sb = new StringBuilder();
        for (int k = rnd.nextInt(8); k >= 0; k--) sb.append(pieces[rnd.nextInt(pieces.length)]);
        String text = sb.toString();
        // WHEN searched both ways
        Matcher expected = op.regex().matcher(text);
        boolean found = expected.find();
        Matcher actual = op.find(text);
        // THEN both find the same match, or neither does
        assertEquals(found, actual != null, p + " in " + text);
        if (found) {
          matches++;
          assertEquals(expected.start(), actual.start(), p + " in " + text);
          assertEquals(expected.group(), actual.group(), p + " in " + text);
        }
      }
    }
    assertTrue(matches > 3_000, matches + " matches");
  }
}
