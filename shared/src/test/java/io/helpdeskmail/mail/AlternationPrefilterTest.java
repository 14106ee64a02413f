package io.helpdeskmail.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The prefilter only ever skips texts the alternation cannot match, and it does skip ordinary prose. */
class AlternationPrefilterTest {
  private static final List<String> ALTERNATIVES = List.of(
      "delivery to the following recipients? (?:failed|has been delayed)",
      "(?:user|mailbox|recipient) (?:unknown|not found|rejected)",
      "i'?m afraid i wasn'?t able to deliver", "nie m[oó]g[lł] zosta[cć] dostarczon",
      "delivery (?:of email )?to this address", "the following address(?:\\(es\\)|es)? failed", "配信(?:エラー|不能)");

  @Test
  void required_shouldPickTheWordsEveryMatchContains_whenAlternativesMixGroupsAndQuantifiers() {
    // GIVEN alternatives with optional letters, optional groups, character classes and choice groups
    // WHEN their required words are read THEN each is a run outside groups or the choices of a mandatory group
    assertEquals(List.of("delivery to the following recipient"), AlternationPrefilter.required(ALTERNATIVES.get(0)));
    assertEquals(List.of("unknown", "not found", "rejected"), AlternationPrefilter.required(ALTERNATIVES.get(1)));
    assertEquals(List.of("t able to deliver"), AlternationPrefilter.required(ALTERNATIVES.get(2)));
    assertEquals(List.of(" dostarczon"), AlternationPrefilter.required(ALTERNATIVES.get(3)));
    assertEquals(List.of("to this address"), AlternationPrefilter.required(ALTERNATIVES.get(4)));
    assertEquals(List.of("the following address"), AlternationPrefilter.required(ALTERNATIVES.get(5)));
    assertEquals(List.of(), AlternationPrefilter.required("配信(?:エラー|不能)")); // two characters: too short to rely on
  }

  @Test
  void mayMatch_shouldLetEveryText_whenOneAlternativeHasNoRequiredWord() {
    // GIVEN an alternation one of whose alternatives offers no word to look for
    AlternationPrefilter f = AlternationPrefilter.of(ALTERNATIVES, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    // WHEN asked about prose THEN it cannot rule a match out
    assertTrue(f.mayMatch("Hello, where is my parcel?"));
  }

  @Test
  void mayMatch_shouldNeverRejectAMatch_whenTextsAreRandomMixesOfThePhrasesInAnyCase() {
    // GIVEN the filterable alternatives, and texts built from their words, in random case, with noise between
    List<String> alts = ALTERNATIVES.subList(0, 6);
    AlternationPrefilter f = AlternationPrefilter.of(alts, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    String[] pieces = {"delivery to the following recipients failed", "mailbox rejected", "USER NOT FOUND",
        "I'm afraid I wasn't able to deliver", "im afraid i wasnt able to deliver", "nie mógł zostać dostarczony",
        "NIE MÓGŁ ZOSTAĆ DOSTARCZONY", "delivery of email to this address", "the following addresses failed",
        "deliver", "the following", "recipient", "lorem ipsum", "\n", " ", "ſ", "K"};
    Random rnd = new Random(9);
    int matched = 0, skipped = 0;
    for (int round = 0; round < 20_000; round++) {
      StringBuilder sb = new StringBuilder();
      for (int k = rnd.nextInt(4); k >= 0; k--) {
        String p = pieces[rnd.nextInt(pieces.length)];
        sb.append(rnd.nextBoolean() ? p : p.toUpperCase(java.util.Locale.ROOT)).append(' ');
      }
      String text = sb.toString();
      // WHEN checked THEN whenever the regex finds a match, the filter let the text through
      boolean match = f.pattern().matcher(text).find();
      if (match) {
        matched++;
        assertTrue(f.mayMatch(text), text);
      } else if (!f.mayMatch(text)) {
        skipped++;
      }
    }
    assertTrue(matched > 1_000 && skipped > 1_000, matched + " matched, " + skipped + " skipped");
  }

  @Test
  void mayMatch_shouldSkipProse_whenItHasNoneOfTheWords() {
    // GIVEN a filterable alternation and a customer's sentence
    AlternationPrefilter f = AlternationPrefilter.of(ALTERNATIVES.subList(0, 6), Pattern.CASE_INSENSITIVE);
    // WHEN asked THEN the regex need not run
    assertFalse(f.mayMatch("My order arrived broken, please send a new one."));
  }

  private static final List<String> ANCHORED = List.of("envoyé (?:de|depuis) ", "von meinem .{1,60} gesendet",
      "\\w+ from mobile", "from my (?:iphone|phone)", "отправлено с ", "iphoneから送信", "k\\d");

  @Test
  void anchored_shouldAnswerAsLookingAt_whenTextsAreRandomMixesOfThePhrasesInAnyCase() {
    // GIVEN an anchored filter and texts built from its phrases, in random case, with noise and folding oddities
    AlternationPrefilter f = AlternationPrefilter.anchored(ANCHORED, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    String[] pieces = {"Envoyé de", "ENVOYÉ DEPUIS", "envoye de", "Von meinem", "Handy gesendet", "Yahoo from mobile",
        "é from mobile", "x_1", "from", "mobile", "From my iPhone", "from my", "Отправлено с", "iPhoneから送信",
        "\u212A7", "k", "7", "ſ", "ı", "İ", " ", "_", "é", "Hello"};
    Random rnd = new Random(10);
    int matched = 0, skipped = 0;
    for (int round = 0; round < 30_000; round++) {
      StringBuilder sb = new StringBuilder();
      for (int k = rnd.nextInt(4); k >= 0; k--) {
        String p = pieces[rnd.nextInt(pieces.length)];
        sb.append(rnd.nextBoolean() ? p : p.toUpperCase(java.util.Locale.ROOT));
        if (rnd.nextBoolean()) sb.append(' ');
      }
      String text = sb.toString();
      // WHEN checked THEN whenever the pattern matches at the start, the filter let the text through
      if (f.pattern().matcher(text).lookingAt()) {
        matched++;
        assertTrue(f.mayMatch(text), text);
      } else if (!f.mayMatch(text)) {
        skipped++;
      }
    }
    assertTrue(matched > 1_000 && skipped > 1_000, matched + " matched, " + skipped + " skipped");
  }

  @Test
  void anchored_shouldRefuse_whenAnAlternativeOpensWithoutALiteralItCanTest() {
    // GIVEN alternatives opening with a group, a class, or a word and then a letter
    // WHEN an anchored filter is built THEN it is refused rather than filtering wrongly
    int flags = Pattern.CASE_INSENSITIVE;
    assertThrows(IllegalArgumentException.class, () -> AlternationPrefilter.anchored(List.of("(?:a|b)c"), flags));
    assertThrows(IllegalArgumentException.class, () -> AlternationPrefilter.anchored(List.of("[ab]cd"), flags));
    assertThrows(IllegalArgumentException.class, () -> AlternationPrefilter.anchored(List.of("\\w+mobile"), flags));
    assertThrows(IllegalArgumentException.class,
        () -> AlternationPrefilter.anchored(List.of("abc"), Pattern.UNICODE_CHARACTER_CLASS));
  }

  @Test
  void leadingLiteral_shouldStopBeforeTheFirstGroupClassOrQuantifiedCharacter() {
    // GIVEN alternatives WHEN their openings are read THEN only what every match starts with is kept
    assertEquals("envoyé ", AlternationPrefilter.leadingLiteral("envoyé (?:de|depuis) "));
    assertEquals("von meinem ", AlternationPrefilter.leadingLiteral("von meinem .{1,60} gesendet"));
    assertEquals("colo", AlternationPrefilter.leadingLiteral("colou?r"));
    assertEquals("ab", AlternationPrefilter.leadingLiteral("abc+"));
  }
}
