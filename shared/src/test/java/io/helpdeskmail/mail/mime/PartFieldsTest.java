package io.helpdeskmail.mail.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.internet.MimeBodyPart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Body parts read on the buffer must be what Jakarta Mail reads from a stream over the same bytes. */
class PartFieldsTest {
  private static final String[] LINES = {"Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64",
      "Content-Disposition: attachment;", " filename=\"r\u00e9sum\u00e9.pdf\"", "\tname=x", "   ", " ", "\t", "",
      "No colon here", ":", "X-Empty:", "Content-ID: <a@b>", "Hello, this is the body.", "\u0001\u0002", " \u0003",
      "content-type:text/html", "=?utf-8?q?x?=", "--", "Subject: two  spaces"};
  private static final String[] ENDS = {"\r\n", "\n", "\r", "\r\r\n", "\r\r", "\n\r", ""};

  @Test
  void part_shouldReadTheFieldsAndBodyJakartaMailReads_whenBytesAreAnyMixOfLinesAndLineEnds() throws Exception {
    Random random = new Random(42);
    for (int n = 0; n < 20_000; n++) {
      // GIVEN a part of random header-like and body lines, with every kind of line end (and none at the end)
      StringBuilder sb = new StringBuilder();
      int lines = random.nextInt(9);
      for (int i = 0; i < lines; i++) sb.append(LINES[random.nextInt(LINES.length)]).append(ENDS[random.nextInt(ENDS.length)]);
      byte[] bytes = ("PRE" + sb + "POST").getBytes(StandardCharsets.ISO_8859_1);
      int off = 3, len = bytes.length - 7; // a slice inside a larger buffer, as the splitter hands them out

      // WHEN read on the buffer and through Jakarta Mail's stream constructor
      MimeBodyPart fast = AngusMailReader.part(bytes, off, len);
      MimeBodyPart stream = new MimeBodyPart(new AngusMailReader.Region(bytes, off, len));

      // THEN the same header lines in the same order, and the same body bytes
      String what = sb.toString().replace("\r", "\\r").replace("\n", "\\n");
      assertEquals(lines(stream), lines(fast), what);
      assertArrayEquals(stream.getRawInputStream().readAllBytes(), fast.getRawInputStream().readAllBytes(), what);
    }
  }

  @Test
  void part_shouldReadCrCrLfAsOneLineEnd_whenAClientDoubledTheCarriageReturn() throws Exception {
    // GIVEN fields ended by CR CR LF, a common damage of mail passed through two CRLF conversions
    byte[] bytes = "Content-Type: text/plain\r\r\nContent-ID: <a@b>\r\r\n\r\r\nbody\r\n".getBytes(StandardCharsets.ISO_8859_1);

    // WHEN read
    MimeBodyPart p = AngusMailReader.part(bytes, 0, bytes.length);

    // THEN both fields, and the body after the blank line
    assertEquals(List.of("Content-Type: text/plain", "Content-ID: <a@b>"), lines(p));
    assertEquals("body\r\n", new String(p.getRawInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
  }

  private static List<String> lines(MimeBodyPart p) throws Exception {
    return new ArrayList<>(Collections.list(p.getAllHeaderLines()));
  }
}
