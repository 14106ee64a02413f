package io.helpdeskmail.mail.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Line ends of text parts become LF, whichever mix of CRLF, lone CR and LF the stored message has. */
class TextDecodingLineEndsTest {

  /** The obvious byte-by-byte conversion the bulk copy replaced. */
  private static byte[] reference(byte[] in, int off, int len) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = off; i < off + len; i++) {
      if (in[i] == '\r') {
        if (i + 1 < off + len && in[i + 1] == '\n') continue;
        out.write('\n');
      } else {
        out.write(in[i]);
      }
    }
    return out.toByteArray();
  }

  @Test
  void crlfToLf_shouldGiveLf_whenLinesEndInCrlfLoneCrOrCrAtTheEnd() {
    // GIVEN text with a CRLF, a lone CR, a CRLF pair split by a CR, and a CR as its last byte
    byte[] in = "a\r\nb\rc\r\r\nd\r".getBytes(StandardCharsets.US_ASCII);
    // WHEN converted
    byte[] out = TextDecoding.crlfToLf(in);
    // THEN each line ends in exactly one LF
    assertArrayEquals("a\nb\nc\n\nd\n".getBytes(StandardCharsets.US_ASCII), out);
  }

  @Test
  void crlfToLf_shouldReturnTheSameArray_whenThereIsNoCr() {
    // GIVEN text that already ends its lines in LF
    byte[] in = "one\ntwo\n".getBytes(StandardCharsets.US_ASCII);
    // WHEN converted THEN nothing is copied
    assertSame(in, TextDecoding.crlfToLf(in));
  }

  @Test
  void crlfToLf_shouldMatchByteByByteConversion_whenReadingAnyRegionOfRandomText() {
    // GIVEN random text dense in CR and LF, read through regions that start and end anywhere (a part inside a message)
    Random rnd = new Random(7);
    byte[] alphabet = {'\r', '\n', 'x', 'y', ' '};
    for (int round = 0; round < 2_000; round++) {
      byte[] in = new byte[rnd.nextInt(200)];
      for (int i = 0; i < in.length; i++) in[i] = alphabet[rnd.nextInt(alphabet.length)];
      int off = in.length == 0 ? 0 : rnd.nextInt(in.length);
      int len = in.length - off == 0 ? 0 : rnd.nextInt(in.length - off + 1);
      // WHEN converted THEN the bytes are the reference conversion's, whole or by region
      assertArrayEquals(reference(in, off, len), TextDecoding.crlfToLf(in, off, len), "round " + round);
      assertArrayEquals(reference(in, 0, in.length), TextDecoding.crlfToLf(in), "round " + round);
    }
  }

  @Test
  void crlfToLf_shouldMatchByteByByteConversion_whenLinesAreLongAndCrsSparse() {
    // GIVEN text of long lines (whole eight-byte words without a CR between line ends), some with high bytes
    Random rnd = new Random(8);
    for (int round = 0; round < 2_000; round++) {
      byte[] in = new byte[rnd.nextInt(400)];
      for (int i = 0; i < in.length; i++) {
        int r = rnd.nextInt(60);
        in[i] = r == 0 ? (byte) '\r' : r == 1 ? (byte) '\n' : r == 2 ? (byte) 0xE9 : (byte) ('a' + r % 26);
      }
      int off = in.length == 0 ? 0 : rnd.nextInt(in.length);
      int len = in.length - off == 0 ? 0 : rnd.nextInt(in.length - off + 1);
      // WHEN converted THEN the bytes are the reference conversion's
      assertArrayEquals(reference(in, off, len), TextDecoding.crlfToLf(in, off, len), "round " + round);
    }
  }

  @Test
  void decodeLines_shouldGiveTheTextOfTheConvertedBytes_whenCharsetsAndEncodingsVary() {
    // GIVEN regions of text with CRLF, lone CR, '=' escapes, soft breaks and UTF-8/windows-1252 bytes
    Random rnd = new Random(9);
    String[] pieces = {"\r\n", "\r", "\n", "=\r\n", "=C3=A9", "=E9", "=", " ", "abc", "\u00e9", "\u65e5\u672c", "x"};
    String[] charsets = {null, "utf-8", "iso-8859-1", "windows-1252", "shift_jis"};
    for (int round = 0; round < 3_000; round++) {
      StringBuilder sb = new StringBuilder();
      for (int k = rnd.nextInt(40); k > 0; k--) sb.append(pieces[rnd.nextInt(pieces.length)]);
      byte[] in = sb.toString().getBytes(rnd.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
      int off = in.length == 0 ? 0 : rnd.nextInt(in.length);
      int len = in.length - off == 0 ? 0 : rnd.nextInt(in.length - off + 1);
      String charset = charsets[rnd.nextInt(charsets.length)];
      // WHEN decoded straight from the region THEN the text is that of the converted bytes
      assertEquals(TextDecoding.decode(TextDecoding.crlfToLf(in, off, len), charset),
          TextDecoding.decodeLines(in, off, len, charset), "round " + round);
      assertEquals(TextDecoding.decode(TextDecoding.quotedPrintableLf(in, off, len), charset),
          TextDecoding.decodeQuotedPrintableLines(in, off, len, charset), "round " + round);
    }
  }
}
