package io.helpdeskmail.mail.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time searches answer as a byte-at-a-time loop does, wherever the region starts and ends. */
class ByteScanTest {

  @Test
  void indexOfAndIsAscii_shouldMatchByteLoops_whenRegionsStartAndEndAnywhere() {
    // GIVEN random bytes where the searched value, its neighbours (0x0C, 0x0E: borrow traps) and high bytes are common
    Random rnd = new Random(11);
    byte[] pool = {'\r', '\n', 0x0C, 0x0E, 'a', (byte) 0x8D, (byte) 0xFF, 0, 0x1B};
    for (int round = 0; round < 5_000; round++) {
      byte[] b = new byte[rnd.nextInt(100)];
      int sparse = 1 + rnd.nextInt(40);
      for (int i = 0; i < b.length; i++) b[i] = rnd.nextInt(sparse) == 0 ? pool[rnd.nextInt(pool.length)] : (byte) 'x';
      int from = b.length == 0 ? 0 : rnd.nextInt(b.length);
      int end = from + rnd.nextInt(b.length - from + 1);
      byte value = pool[rnd.nextInt(pool.length)];
      int expected = -1;
      for (int i = from; i < end; i++) if (b[i] == value) { expected = i; break; }
      boolean ascii = true;
      for (int i = from; i < end; i++) if (b[i] < 0) ascii = false;
      // WHEN searched word by word THEN the answers are the byte loop's
      assertEquals(expected, ByteScan.indexOf(b, from, end, value), "round " + round);
      assertEquals(ascii, ByteScan.isAscii(b, from, end), "round " + round);
    }
  }

  @Test
  void isAscii_shouldFindOneHighByte_whenItIsDeepInALongText() {
    // GIVEN 10 KB of ASCII with one byte above 0x7F near the end
    byte[] b = new byte[10_000];
    java.util.Arrays.fill(b, (byte) 'a');
    b[9_990] = (byte) 0xE9;
    // WHEN checked THEN the text is not ASCII, and the part before that byte is
    assertEquals(false, ByteScan.isAscii(b, 0, b.length));
    assertEquals(true, ByteScan.isAscii(b, 0, 9_990));
  }

  @Test
  void isAsciiWithoutEscape_shouldMatchAByteLoop_whenEscAndHighBytesSitAnywhere() {
    // GIVEN random mostly-ASCII bytes with ESC, its neighbours (0x1A, 0x1C: borrow traps), 0x9B and other high bytes
    Random rnd = new Random(13);
    byte[] pool = {0x1B, 0x1A, 0x1C, (byte) 0x9B, (byte) 0x80, (byte) 0xFF, 0, '$', 'B'};
    for (int round = 0; round < 5_000; round++) {
      byte[] b = new byte[rnd.nextInt(1_200)];
      int sparse = 1 + rnd.nextInt(600);
      for (int i = 0; i < b.length; i++) b[i] = rnd.nextInt(sparse) == 0 ? pool[rnd.nextInt(pool.length)] : (byte) 'x';
      int from = b.length == 0 ? 0 : rnd.nextInt(b.length);
      int end = from + rnd.nextInt(b.length - from + 1);
      boolean expected = true;
      for (int i = from; i < end; i++) if (b[i] < 0 || b[i] == 0x1B) expected = false;
      // WHEN checked word by word THEN the answer is the byte loop's
      assertEquals(expected, ByteScan.isAsciiWithoutEscape(b, from, end), "round " + round);
    }
  }
}
