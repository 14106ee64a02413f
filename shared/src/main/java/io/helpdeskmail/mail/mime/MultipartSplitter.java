package io.helpdeskmail.mail.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the body parts of a multipart entity directly in the message buffer (RFC 2046 5.1.1): delimiter lines
 * "--boundary" at line starts, transport padding allowed, the close delimiter "--boundary--" ending the list.
 * Jakarta Mail's MimeMultipart copies every byte of the message through a small buffer to find the same
 * lines, which was the largest single cost on attachment-heavy mail; here a Horspool search skips ahead by the
 * delimiter's length, and each part is a slice of the shared buffer. Returns null when no delimiter is found,
 * so the caller can fall back to Jakarta Mail's more forgiving parse.
 */
final class MultipartSplitter {
  /** A part's bytes: buffer[offset .. offset+length). */
  record Slice(int offset, int length) {}

  private MultipartSplitter() {}

  static List<Slice> split(byte[] buf, int off, int len, String boundary) {
    if (boundary == null || boundary.isEmpty() || boundary.length() > 200) return null;
    byte[] delim = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int end = off + len;
    int[] skip = skipTable(delim);
    List<Slice> parts = new ArrayList<>();
    int contentStart = -1;
    int from = off;
    while (true) {
      int at = find(buf, from, end, delim, skip);
      if (at < 0) break;
      int after = at + delim.length;
      boolean lineStart = at == off || buf[at - 1] == '\n';
      boolean close = after + 1 < end && buf[after] == '-' && buf[after + 1] == '-';
      int p = close ? after + 2 : after;
      while (p < end && (buf[p] == ' ' || buf[p] == '\t')) p++; // transport padding
      boolean lineEnd = p >= end || buf[p] == '\r' || buf[p] == '\n';
      if (!lineStart || !lineEnd) { // "--boundary" inside a line, or a longer boundary sharing this prefix
        from = at + 1;
        continue;
      }
      if (contentStart >= 0) {
        int contentEnd = at;
        if (contentEnd > contentStart && buf[contentEnd - 1] == '\n') contentEnd--; // the line break belongs to
        if (contentEnd > contentStart && buf[contentEnd - 1] == '\r') contentEnd--; // the delimiter (RFC 2046)
        parts.add(new Slice(contentStart, Math.max(0, contentEnd - contentStart)));
      }
      if (close) return parts;
      if (p < end && buf[p] == '\r') p++;
      if (p < end && buf[p] == '\n') p++;
      contentStart = p;
      from = p;
    }
    if (contentStart < 0) return null;
    // No close delimiter (truncated mail): the last part runs to the end, as lenient readers do.
    if (contentStart <= end) parts.add(new Slice(contentStart, end - contentStart));
    return parts;
  }

  private static int[] skipTable(byte[] pattern) {
    int m = pattern.length;
    int[] skip = new int[256];
    java.util.Arrays.fill(skip, m);
    for (int i = 0; i < m - 1; i++) skip[pattern[i] & 0xFF] = m - 1 - i;
    return skip;
  }

  /** Boyer-Moore-Horspool: the first index of pattern in buf[from, end), or -1. */
  private static int find(byte[] buf, int from, int end, byte[] pattern, int[] skip) {
    int m = pattern.length;
    int i = from + m - 1;
    while (i < end) {
      int k = m - 1, j = i;
      while (k >= 0 && buf[j] == pattern[k]) {
        k--;
        j--;
      }
      if (k < 0) return j + 1;
      i += skip[buf[i] & 0xFF];
    }
    return -1;
  }
}
