package io.helpdeskmail.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reply extractor's line split gives what normalising line ends, then splitting on LF, gives. */
class ReplyExtractorLinesTest {

  private static List<String> reference(String text) {
    return Arrays.asList(text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ').split("\n", -1));
  }

  @Test
  void lines_shouldSplitAtEveryKindOfLineEnd_whenTextMixesThem() {
    // GIVEN text with LF, CRLF, a lone CR, a no-break space and a trailing line end
    String text = "a\nb\r\nc\rd\u00A0e\n";
    // WHEN split THEN each line end ends one line, and the trailing end leaves an empty last line
    assertEquals(List.of("a", "b", "c", "d e", ""), ReplyExtractor.lines(text));
  }

  @Test
  void lines_shouldMatchNormaliseThenSplit_whenTextIsRandom() {
    // GIVEN random text dense in CR, LF and no-break spaces, with and without CRs at all
    Random rnd = new Random(5);
    char[] pool = {'\r', '\n', '\u00A0', 'x', ' '};
    for (int round = 0; round < 3_000; round++) {
      StringBuilder sb = new StringBuilder();
      int len = rnd.nextInt(60);
      boolean noCr = round % 2 == 0;
      for (int i = 0; i < len; i++) {
        char c = pool[rnd.nextInt(pool.length)];
        sb.append(noCr && c == '\r' ? 'y' : c);
      }
      // WHEN split THEN the lines are the reference's
      assertEquals(reference(sb.toString()), ReplyExtractor.lines(sb.toString()), "round " + round);
    }
  }
}
