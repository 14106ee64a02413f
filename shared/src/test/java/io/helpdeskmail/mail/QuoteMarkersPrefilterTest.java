package io.helpdeskmail.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The cheap tests in front of QuoteMarkers' regexes never turn away a line the regexes would accept. */
class QuoteMarkersPrefilterTest {
  /** VERB_LAST's words, as written in the pattern (optional suffixes dropped). */
  private static final List<String> VERBS = List.of("wrote", "writes", "schrieb", "geschrieben", "schreef",
      "het volgende geschreven", "escribió", "escreveu", "ha escrit", "va escriure", "ha scritto", "scrisse",
      "a écrit", "a ecrit", "nous a dit", "skrev", "kirjoitti", "napisał", "napisał(a)", "napisała", "pisze",
      "napsal", "napsal(a)", "írta", "yazdı", "έγραψε", "a scris", "написал", "написала", "написав", "написавла",
      "пише", "пишет", "写道", "寫道", "작성", "のメッセージ");

  @Test
  void everyVerbInAnyCasePassesThePrefilter() {
    for (String v : VERBS) {
      for (String form : List.of(v, v.toUpperCase(Locale.ROOT), capitalised(v))) {
        String line = "Le 3 mars 2026, Marie <marie@example.org> " + form + " :";
        assertTrue(QuoteMarkers.namesVerb(line), line);
      }
    }
    // The pattern folds case as Unicode does: dotless and dotted i, the Kelvin sign for k.
    assertTrue(QuoteMarkers.namesVerb("2026-03-02 Ali <ali@example.org> YAZDI:"));
    assertTrue(QuoteMarkers.namesVerb("2026-03-02 Ali <ali@example.org> yazdi:"));
    assertTrue(QuoteMarkers.namesVerb("2026-03-02 Ola <ola@example.org> s\u212Arev:"));
  }

  @Test
  void theAttributionsTheFixturesUseStillMatch() {
    for (String line : List.of("On Mon, Mar 2, 2026 at 10:42 AM Marie <marie@example.org> wrote:",
        "Am 02.03.2026 um 10:42 schrieb Marie Dupont <marie@example.org>:",
        "Le lun. 2 mars 2026 à 10:42, Marie Dupont <marie@example.org> a écrit :",
        "El 2 mar 2026, a las 10:42, Marie <marie@example.org> escribió:",
        "2026-03-02 10:42 GMT+01:00 Marie <marie@example.org> написала:")) {
      QuoteMarkers.Marker m = QuoteMarkers.at(List.of(line, "> quoted"), 0);
      assertEquals(QuoteMarkers.Kind.ATTRIBUTION, m == null ? null : m.kind(), line);
    }
  }

  @Test
  void proseHasNoVerbAndNoVerbEnding() {
    assertFalse(QuoteMarkers.namesVerb("Order 12345 arrived on 2026-03-02, thank you:"));
    assertFalse(QuoteMarkers.endsLikeAttribution("the parcel arrived damaged on 2 March"));
    assertTrue(QuoteMarkers.endsLikeAttribution("Marie Dupont <marie@example.org> napisał(a)"));
    assertTrue(QuoteMarkers.endsLikeAttribution("2026-03-02 Marie schrieb"));
  }

  @Test
  void theVerbListIsThePatternsList() throws ReflectiveOperationException {
    // Every line VERB_LAST accepts passes the prefilter, for each of the pattern's words in either case.
    var field = QuoteMarkers.class.getDeclaredField("VERB_LAST");
    field.setAccessible(true);
    Pattern verbLast = (Pattern) field.get(null);
    int accepted = 0;
    for (String v : VERBS) {
      for (String form : List.of(v, v.toUpperCase(Locale.ROOT))) {
        for (String sep : List.of(" ", "")) { // \b is ASCII-only: "írta" matches only glued to a letter
          String line = "2026-03-02 Marie <marie@example.org>" + sep + form + ":";
          if (!verbLast.matcher(line).find()) continue;
          accepted++;
          assertTrue(QuoteMarkers.namesVerb(line), line);
        }
      }
    }
    assertTrue(accepted >= VERBS.size(), "the pattern accepted only " + accepted + " lines");
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
