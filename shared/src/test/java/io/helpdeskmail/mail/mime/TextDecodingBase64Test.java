package io.helpdeskmail.mail.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The chunked decoding of large base64 parts gives exactly what decoding the whole text without line breaks
 * gives (and the lenient decoding where that fails), whatever the line layout and wherever the chunks split.
 */
class TextDecodingBase64Test {
  private static final int CHUNK = TextDecoding.BASE64_CHUNK;

  /** The reference: all CR/LF removed, trailing blanks trimmed, one strict decode, else the lenient one. */
  private static byte[] reference(byte[] in) {
    byte[] compact = new byte[in.length];
    int n = 0;
    for (byte b : in) if (b != '\r' && b != '\n') compact[n++] = b;
    while (n > 0 && (compact[n - 1] == ' ' || compact[n - 1] == '\t')) n--;
    try {
      return Base64.getDecoder().decode(Arrays.copyOf(compact, n));
    } catch (IllegalArgumentException e) {
      return TextDecoding.base64Lenient(in, 0, in.length);
    }
  }

  private static void check(byte[] encoded) {
    assertArrayEquals(reference(encoded), TextDecoding.base64(encoded, 0, encoded.length));
  }

  @Test
  void matchesWholeTextDecodingForEveryLayoutAndSize() {
    Random rnd = new Random(42);
    int[] sizes = {CHUNK / 4 * 3 - 1, CHUNK / 4 * 3, CHUNK / 4 * 3 + 1, CHUNK / 4 * 3 * 2, CHUNK / 4 * 3 * 2 - 2,
        CHUNK * 3 + 7, 200_000, 1_000_003};
    for (int size : sizes) {
      byte[] data = new byte[size];
      rnd.nextBytes(data);
      check(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encode(data));
      check(Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encode(data));
      check(Base64.getMimeEncoder(64, "\r\n".getBytes(StandardCharsets.US_ASCII)).encode(data));
      check(Base64.getEncoder().encode(data)); // one long line
      check(Base64.getEncoder().withoutPadding().encode(data));
      byte[] trailing = (new String(Base64.getMimeEncoder().encode(data), StandardCharsets.US_ASCII) + " \r\n\t \r\n")
          .getBytes(StandardCharsets.US_ASCII);
      check(trailing);
      check(irregularLines(Base64.getEncoder().encode(data), rnd));
    }
  }

  @Test
  void damagedTextFallsBackToTheLenientDecoding() {
    Random rnd = new Random(7);
    byte[] data = new byte[CHUNK * 2];
    rnd.nextBytes(data);
    byte[] a = Base64.getMimeEncoder().encode(Arrays.copyOf(data, 1000));
    byte[] b = Base64.getMimeEncoder().encode(data);
    // Two encodings concatenated: padding in mid-stream, in the first chunk.
    ByteArrayOutputStream concat = new ByteArrayOutputStream();
    concat.writeBytes(a);
    concat.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    concat.writeBytes(b);
    check(concat.toByteArray());
    byte[] stray = b.clone();
    stray[CHUNK + 100] = '*'; // a character outside the alphabet in the second chunk
    check(stray);
    byte[] url = b.clone();
    url[CHUNK * 2 - 9] = '_'; // base64url
    check(url);
    assertNull(TextDecoding.base64Chunked(concat.toByteArray(), 0, concat.size()));
  }

  @Test
  void paddingThatEndsAFullLastChunkIsFine() {
    byte[] data = new byte[CHUNK / 4 * 3 * 2 - 1]; // exactly two chunks of text, the last ending in "="
    new Random(3).nextBytes(data);
    byte[] enc = Base64.getEncoder().encode(data);
    assertArrayEquals(data, TextDecoding.base64Chunked(enc, 0, enc.length));
  }

  /** Lines of random lengths, with CRLF, LF or CR ends. */
  private static byte[] irregularLines(byte[] text, Random rnd) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length) {
      int n = Math.min(text.length - i, 1 + rnd.nextInt(120));
      out.write(text, i, n);
      i += n;
      String[] ends = {"\r\n", "\n", "\r", "\r\n\r\n"};
      out.writeBytes(ends[rnd.nextInt(ends.length)].getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }
}
