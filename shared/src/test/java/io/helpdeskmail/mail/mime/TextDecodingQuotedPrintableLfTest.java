package io.helpdeskmail.mail.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Quoted-printable text parts decoded in one pass must equal line ends to LF followed by the decoding. */
class TextDecodingQuotedPrintableLfTest {
  /** Bytes that matter to either step, and some that don't. */
  private static final byte[] ALPHABET = "==\r\r\n\n \tAf3z0G.\u00e9".getBytes(StandardCharsets.ISO_8859_1);

  @Test
  void quotedPrintableLf_shouldEqualTheTwoSteps_whenBytesAreAnyMixOfEscapesSoftBreaksAndLineEnds() {
    Random random = new Random(7);
    for (int n = 0; n < 100_000; n++) {
      // GIVEN a random slice of '=', CR, LF, white space, hex digits and text, inside a larger buffer
      byte[] in = new byte[random.nextInt(40) + 4];
      for (int i = 0; i < in.length; i++) in[i] = ALPHABET[random.nextInt(ALPHABET.length)];
      int off = random.nextInt(3), len = in.length - off - random.nextInt(2);

      // WHEN decoded in one pass THEN the same bytes as converting the line ends and then decoding
      byte[] lf = TextDecoding.crlfToLf(in, off, len);
      assertArrayEquals(TextDecoding.quotedPrintable(lf, 0, lf.length), TextDecoding.quotedPrintableLf(in, off, len),
          new String(in, off, len, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n"));
    }
  }

  @Test
  void quotedPrintableLf_shouldJoinSoftBreaksAndDecodeEscapes_whenLinesEndInCrlf() {
    // GIVEN a wrapped quoted-printable line, an escape, and a soft break with trailing blanks
    byte[] in = "Caf=C3=A9 au l=\r\nait =  \r\nfin\r\n".getBytes(StandardCharsets.US_ASCII);

    // WHEN decoded
    String out = new String(TextDecoding.quotedPrintableLf(in, 0, in.length), StandardCharsets.UTF_8);

    // THEN one line, the escape decoded, LF at the end
    assertEquals("Café au lait fin\n", out);
  }

  @Test
  void indexOfEither_shouldFindTheFirstOfTwoBytes_whereverTheyAre() {
    Random random = new Random(11);
    for (int n = 0; n < 20_000; n++) {
      // GIVEN random bytes from a small alphabet, so either byte may come first, or neither at all
      byte[] b = new byte[random.nextInt(40)];
      for (int i = 0; i < b.length; i++) b[i] = (byte) (random.nextInt(6) - 2);
      int from = b.length == 0 ? 0 : random.nextInt(b.length);

      // WHEN searched THEN the index a byte-by-byte search gives
      int expected = -1;
      for (int i = from; i < b.length; i++) if (b[i] == 1 || b[i] == -1) { expected = i; break; }
      assertEquals(expected, ByteScan.indexOfEither(b, from, b.length, (byte) 1, (byte) -1));
    }
  }
}
