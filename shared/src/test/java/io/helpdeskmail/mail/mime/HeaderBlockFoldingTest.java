package io.helpdeskmail.mail.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A folded field's value reads as its lines joined by CRLF whatever line ends the stored message uses, and a
 * continuation line that lost its indentation joins with CRLF and a space: the value is the same whether it could be
 * cut from the buffer in one slice (CRLF-stored mail) or had to be joined line by line.
 */
class HeaderBlockFoldingTest {

  @Test
  void scan_shouldJoinFoldedLinesWithCrlf_whenStoredWithCrlfLfOrMixedLineEnds() {
    // GIVEN a field folded over three lines, stored with each kind of line end
    for (String eol : List.of("\r\n", "\n", "\r")) {
      byte[] mail = ("Subject: one" + eol + " two" + eol + "\tthree" + eol + "To: a@example.com" + eol + eol + "body")
          .getBytes(StandardCharsets.ISO_8859_1);
      // WHEN scanned
      HeaderBlock block = HeaderBlock.scan(mail, 0, mail.length);
      // THEN the value keeps its folds as CRLF, and the next field and the body start where they should
      assertEquals("Subject", block.fields().get(0).name());
      assertEquals(" one\r\n two\r\n\tthree", block.fields().get(0).value());
      assertEquals(" a@example.com", block.fields().get(1).value());
      assertEquals("body", new String(mail, block.bodyStart(), mail.length - block.bodyStart(), StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void scan_shouldGiveTheJoinedLines_whenRandomFieldsMixFoldsLineEndsAndLostIndentation() {
    // GIVEN random header blocks: fields of one to four lines, continuation lines indented or not (a token that lost
    // its indentation), each line ended by CRLF, LF or a lone CR at random
    Random rnd = new Random(5);
    String[] ends = {"\r\n", "\r\n", "\r\n", "\n", "\r"};
    for (int round = 0; round < 3_000; round++) {
      StringBuilder raw = new StringBuilder();
      List<String> expected = new ArrayList<>();
      int fields = 1 + rnd.nextInt(5);
      for (int f = 0; f < fields; f++) {
        StringBuilder value = new StringBuilder(" v" + f + " x" + rnd.nextInt(100));
        raw.append("X-F").append(f).append(':').append(value).append(ends[rnd.nextInt(ends.length)]);
        for (int k = rnd.nextInt(4); k > 0; k--) {
          if (rnd.nextInt(4) == 0) { // lost its indentation: one token, read as a continuation with a space before it
            String token = "tok" + rnd.nextInt(1000) + "=x;";
            raw.append(token);
            value.append("\r\n ").append(token);
          } else {
            String line = (rnd.nextBoolean() ? " " : "\t") + "w" + rnd.nextInt(1000) + " z";
            raw.append(line);
            value.append("\r\n").append(line);
          }
          raw.append(ends[rnd.nextInt(ends.length)]);
        }
        expected.add(value.toString());
      }
      raw.append("\r\nbody\r\n");
      byte[] mail = raw.toString().getBytes(StandardCharsets.ISO_8859_1);
      // WHEN scanned
      HeaderBlock block = HeaderBlock.scan(mail, 0, mail.length);
      // THEN every field's value is its lines joined as above
      List<String> values = block.fields().stream().map(HeaderBlock.Field::value).toList();
      assertEquals(expected, values, "round " + round + ": " + raw);
    }
  }
}
