package io.helpdeskmail.mail.mime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte searches over mail text eight bytes at a time (SWAR). Every text part is scanned for CRs, for non-ASCII
 * bytes and for ISO-2022-JP escapes before it is decoded; byte-at-a-time loops over those bodies were about 5% of
 * reading real mail.
 */
final class ByteScan {
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private ByteScan() {}

  /** Index of the first byte equal to value in b[from..end), or -1. */
  static int indexOf(byte[] b, int from, int end, byte value) {
    long pattern = ONES * (value & 0xFF);
    int i = from;
    for (; i + Long.BYTES <= end; i += Long.BYTES) {
      long x = (long) LONG.get(b, i) ^ pattern;
      // Classic "has a zero byte": the lowest flagged byte is always a true zero (borrows only run upwards).
      long found = (x - ONES) & ~x & HIGHS;
      if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
    }
    for (; i < end; i++) if (b[i] == value) return i;
    return -1;
  }

  /** Index of the first byte equal to either value in b[from..end), or -1. */
  static int indexOfEither(byte[] b, int from, int end, byte first, byte second) {
    long p1 = ONES * (first & 0xFF), p2 = ONES * (second & 0xFF);
    int i = from;
    for (; i + Long.BYTES <= end; i += Long.BYTES) {
      long w = (long) LONG.get(b, i);
      long x1 = w ^ p1, x2 = w ^ p2;
      // Each test's lowest flagged byte is a true match, so the lower of the two is the first match of either.
      long found = ((x1 - ONES) & ~x1 | (x2 - ONES) & ~x2) & HIGHS;
      if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
    }
    for (; i < end; i++) if (b[i] == first || b[i] == second) return i;
    return -1;
  }

  /**
   * Copies in[from..end) to out from index 0 with every CRLF and lone CR as LF; gives the length written. out must
   * hold end - from bytes. Eight bytes move per step while no CR is among them; a step that meets one stores all eight
   * and keeps those before the CR (the slack is always there: out never runs ahead of in). Finding each CR and then
   * copying the run before it took a search call and an arraycopy per line, a third of reading 7bit text.
   */
  static int copyCrlfAsLf(byte[] in, int from, int end, byte[] out) {
    long crs = ONES * '\r';
    int i = from, o = 0;
    while (i + Long.BYTES <= end) {
      long w = (long) LONG.get(in, i);
      long x = w ^ crs;
      long found = (x - ONES) & ~x & HIGHS;
      LONG.set(out, o, w);
      if (found == 0) {
        i += Long.BYTES;
        o += Long.BYTES;
        continue;
      }
      int k = Long.numberOfTrailingZeros(found) >>> 3;
      o += k;
      i += k + 1;
      if (i >= end || in[i] != '\n') out[o++] = '\n'; // a lone CR; a CRLF's LF is copied with what follows
    }
    for (; i < end; i++) {
      if (in[i] != '\r') out[o++] = in[i];
      else if (i + 1 >= end || in[i + 1] != '\n') out[o++] = '\n';
    }
    return o;
  }

  /**
   * True when b[from..end) is ASCII without an ESC byte: text that reads the same in every charset a mail declares,
   * ISO-2022 escapes aside. One pass where a check for high bytes and a search for ESC made two over every body.
   */
  static boolean isAsciiWithoutEscape(byte[] b, int from, int end) {
    long escs = ONES * 0x1B;
    long flags = 0;
    int i = from;
    for (int words = 1; i + Long.BYTES <= end; i += Long.BYTES, words++) {
      long w = (long) LONG.get(b, i);
      long x = w ^ escs;
      flags |= w | (x - ONES) & ~x; // a high bit of the word itself, or one flagging an ESC byte
      if ((words & 63) == 0 && (flags & HIGHS) != 0) return false;
    }
    if ((flags & HIGHS) != 0) return false;
    for (; i < end; i++) if (b[i] < 0 || b[i] == 0x1B) return false;
    return true;
  }

  /** True when no byte of b[from..end) has its high bit set. */
  static boolean isAscii(byte[] b, int from, int end) {
    int i = from;
    long any = 0;
    for (int words = 1; i + Long.BYTES <= end; i += Long.BYTES, words++) {
      any |= (long) LONG.get(b, i);
      if ((words & 63) == 0 && (any & HIGHS) != 0) return false; // leave early now and then, not at every word
    }
    if ((any & HIGHS) != 0) return false;
    for (; i < end; i++) if (b[i] < 0) return false;
    return true;
  }
}
