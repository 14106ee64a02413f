package io.helpdeskmail.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * QuoteMarkers.Lines keeps each line's stripped form and ending test once worked out; markers found through it
 * must be those found on the plain list, and the folded stem scan of namesVerb must answer as folding the whole
 * text and searching it did.
 */
class QuoteMarkersLinesTest {
  private static final String[] PIECES = {"On ", "Mon, 2 Mar 2026", " at 10:42", " Marie", " <marie@example.org>",
      " wrote:", " schrieb:", " a écrit :", " napisał(a):", " YAZDI", " s\u212Arev", "From: a@b.org", "Sent: today",
      "To: c@d.org", "Subject: hi", "-----Original Message-----", "---------- Forwarded message ---------", "> q",
      "  ", "\t", "thanks", "写道", "작성", "ΈΓΡΑΨΕ", "2026-03-02", "\u00A0", "*Von:*", "Betreff:", ":", "-", "."};

  @Test
  void at_shouldFindTheSameMarkers_whenTheLinesAreReadThroughTheCache() {
    Random r = new Random(20261124);
    for (int round = 0; round < 3000; round++) {
      List<String> lines = randomLines(r);
      QuoteMarkers.Lines cached = new QuoteMarkers.Lines(new ArrayList<>(lines));
      for (int i = 0; i < lines.size(); i++) {
        // a fresh cache per line is the old behaviour: nothing known beforehand
        assertEquals(QuoteMarkers.at(new QuoteMarkers.Lines(new ArrayList<>(lines)), i), QuoteMarkers.at(cached, i),
            "line " + i + " of " + lines);
        assertEquals(lines.get(i).strip(), cached.stripped(i));
        assertEquals(QuoteMarkers.endsLikeAttribution(lines.get(i)), cached.endsLikeAttribution(i));
      }
    }
  }

  @Test
  void set_shouldForgetTheOldLine_whenALineIsReplaced() {
    List<String> lines = new ArrayList<>(List.of("Thanks! On Mon, 2 Mar 2026, Marie <m@example.org> wrote:", "> q"));
    QuoteMarkers.Lines cached = new QuoteMarkers.Lines(lines);
    cached.stripped(0);
    cached.endsLikeAttribution(0);
    cached.set(0, "  Thanks!  ");
    assertEquals("Thanks!", cached.stripped(0));
    assertEquals(false, cached.endsLikeAttribution(0));
    assertEquals("  Thanks!  ", lines.get(0));
    assertNull(QuoteMarkers.at(cached, 0));
  }

  @Test
  void namesVerb_shouldAnswerAsFoldingAndSearching_whenGivenRandomText() {
    Random r = new Random(7);
    String[] stems = {"wrote", "WRITES", "Schrieb", "geschreven", "escribió", "ESCRIBIÓ", "a dit", "A DIT", "napisał",
        "NAPISAŁ", "yazdı", "YAZDI", "yazdi", "έγραψε", "ΈΓΡΑΨΕ", "написа", "НАПИСА", "пише", "写道", "寫道", "작성",
        "のメッセージ", "s\u212Arev", "\u0130rta", "írta", "scris", "écrit"};
    for (int round = 0; round < 20000; round++) {
      StringBuilder sb = new StringBuilder();
      int parts = r.nextInt(6);
      for (int k = 0; k < parts; k++) {
        String s = r.nextBoolean() ? stems[r.nextInt(stems.length)] : PIECES[r.nextInt(PIECES.length)];
        // cut a stem short or glue it to the next piece: near misses must be answered as the search answered them
        sb.append(r.nextInt(4) == 0 ? s.substring(0, r.nextInt(s.length() + 1)) : s);
      }
      String line = sb.toString();
      assertEquals(reference(line), QuoteMarkers.namesVerb(line), line);
    }
  }

  /** namesVerb as it was: the text folded as the regex folds it, then searched for each stem. */
  private static boolean reference(String s) {
    String[] stems = {"wrote", "writes", "schrieb", "geschrieben", "geschreven", "schreef", "escribió", "escreveu",
        "escrit", "escriure", "scritto", "scrisse", "écrit", "ecrit", "a dit", "skrev", "kirjoitti", "napisał", "pisze",
        "napsal", "írta", "yazdı", "έγραψε", "scris", "написа", "пише", "写道", "寫道", "작성", "のメッセージ"};
    String folded = CaseFold.of(s);
    for (String v : stems) if (folded.contains(CaseFold.of(v))) return true;
    return false;
  }

  private static List<String> randomLines(Random r) {
    List<String> lines = new ArrayList<>();
    int n = 1 + r.nextInt(8);
    for (int i = 0; i < n; i++) {
      StringBuilder sb = new StringBuilder();
      int parts = r.nextInt(5);
      for (int k = 0; k < parts; k++) sb.append(PIECES[r.nextInt(PIECES.length)]);
      lines.add(sb.toString());
    }
    return lines;
  }
}
