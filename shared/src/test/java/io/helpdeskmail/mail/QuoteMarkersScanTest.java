package io.helpdeskmail.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written scans that replaced two find() calls answer exactly as the patterns do. */
class QuoteMarkersScanTest {
  private static Pattern pattern(String name) throws ReflectiveOperationException {
    Field f = QuoteMarkers.class.getDeclaredField(name);
    f.setAccessible(true);
    return (Pattern) f.get(null);
  }

  private static String random(Random rnd, String pool, int maxLength) {
    StringBuilder sb = new StringBuilder();
    for (int i = rnd.nextInt(maxLength + 1); i > 0; i--) sb.append(pool.charAt(rnd.nextInt(pool.length())));
    return sb.toString();
  }

  private static String random(Random rnd, String[] pieces, int maxPieces) {
    StringBuilder sb = new StringBuilder();
    for (int i = rnd.nextInt(maxPieces + 1); i > 0; i--) sb.append(pieces[rnd.nextInt(pieces.length)]);
    return sb.toString();
  }

  @Test
  void hasEmail_shouldAnswerAsEmailFind_whenTextsAreDenseInAddressCharacters() throws Exception {
    // GIVEN EMAIL and random texts of local-part and domain characters, "@", dots, and look-alikes outside \w
    Pattern email = pattern("EMAIL");
    String[] pool = {"a", "Z9", "_", "-", ".", "+", "'", "@", "@", "ex.org", "x-y", "é", "\u0660", "\u212A", " ", "<"};
    Random rnd = new Random(21);
    int found = 0, missing = 0;
    for (int round = 0; round < 60_000; round++) {
      String s = random(rnd, pool, 3) + random(rnd, "a_-.+'é ", 3) + "@" + random(rnd, "bbb-_..\u0660\u212Aé@", 6)
          + random(rnd, pool, 2);
      // WHEN both answer THEN they agree
      boolean expected = email.matcher(s).find();
      assertEquals(expected, QuoteMarkers.hasEmail(s), s);
      if (expected) found++;
      else missing++;
    }
    assertTrue(found > 2_000 && missing > 5_000, found + " found, " + missing + " missing");
  }

  @Test
  void hasDigitDate_shouldAnswerAsDigitDateFind_whenTextsAreDenseInDigitsAndSeparators() throws Exception {
    // GIVEN DIGIT_DATE and random texts of digits, date separators, word characters and non-ASCII digits
    Pattern date = pattern("DIGIT_DATE");
    String pool = "0129 -/.:年月a_\t\u0663\u00E9";
    Random rnd = new Random(22);
    int found = 0, missing = 0;
    for (int round = 0; round < 60_000; round++) {
      String s = random(rnd, pool, 10);
      // WHEN both answer THEN they agree
      boolean expected = date.matcher(s).find();
      assertEquals(expected, QuoteMarkers.hasDigitDate(s), s);
      if (expected) found++;
      else missing++;
    }
    assertTrue(found > 5_000 && missing > 5_000, found + " found, " + missing + " missing");
  }

  @Test
  void afterDecorationOpenings_shouldLetEverySeparatorThrough_whenLinesMixRulesPhrasesAndNoise() throws Exception {
    // GIVEN ORIGINAL and FORWARD, their opening filters, and lines of decoration, phrases and noise in any case
    Pattern original = pattern("ORIGINAL");
    Pattern forward = pattern("FORWARD");
    AlternationPrefilter originalOpenings = prefilter("ORIGINAL_OPENINGS");
    AlternationPrefilter forwardOpenings = prefilter("FORWARD_OPENINGS");
    String[] pieces = {"-----", "--", "__", "==", "*", "> ", " ", "\t", ":", "Original Message", "original message",
        "Ursprüngliche Nachricht", "Message d'origine", "Исходное сообщение", "原始邮件", "Forwarded message",
        "Weitergeleitete Nachricht", "Begin forwarded message", "Début du message réexpédié", "転送されたメッセージ",
        "message", "Hello", "from", "ſ", "\u212A", "İ", "ı", "é"};
    Random rnd = new Random(23);
    int matched = 0, skipped = 0;
    for (int round = 0; round < 60_000; round++) {
      String t = random(rnd, pieces, 6);
      if (rnd.nextBoolean()) t = t.toUpperCase(Locale.ROOT);
      int from = QuoteMarkers.afterDecoration(t);
      // WHEN a pattern matches at the start THEN its filter let the line through
      if (original.matcher(t).lookingAt()) {
        matched++;
        assertTrue(originalOpenings.mayMatchFrom(t, from), t);
      } else if (!originalOpenings.mayMatchFrom(t, from)) {
        skipped++;
      }
      if (forward.matcher(t).lookingAt()) {
        matched++;
        assertTrue(forwardOpenings.mayMatchFrom(t, from), t);
      }
    }
    assertTrue(matched > 2_000 && skipped > 10_000, matched + " matched, " + skipped + " skipped");
  }

  private static AlternationPrefilter prefilter(String name) throws ReflectiveOperationException {
    Field f = QuoteMarkers.class.getDeclaredField(name);
    f.setAccessible(true);
    return (AlternationPrefilter) f.get(null);
  }
}
