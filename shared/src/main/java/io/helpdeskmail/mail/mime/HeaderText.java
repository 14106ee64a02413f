package io.helpdeskmail.mail.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Header text decoding (RFC 2047 encoded words) that is kinder than Jakarta Mail's: adjacent words in one
 * charset are joined as bytes before decoding (clients split multi-byte characters across words), unknown
 * charsets and bad base64 fall back instead of leaving "=?...?=" in a subject, and raw 8-bit bytes are read
 * as UTF-8 when valid, else windows-1252.
 */
public final class HeaderText {
  private HeaderText() {}

  /** Unfolds and decodes a raw header value; never throws. */
  public static String decode(String raw) {
    if (raw == null) return null;
    String s = unfold(raw);
    if (s.indexOf("=?") < 0) return s;
    StringBuilder out = new StringBuilder(s.length());
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    String pendingCharset = null;
    int i = 0, n = s.length();
    int lastWordEnd = -1;
    while (i < n) {
      int start = s.indexOf("=?", i);
      if (start < 0) break;
      Word w = parseWord(s, start);
      if (w == null) { // not an encoded word: copy through "=?" and go on
        flush(out, pending, pendingCharset);
        pendingCharset = null;
        out.append(s, i, start + 2);
        i = start + 2;
        lastWordEnd = -1;
        continue;
      }
      String gap = s.substring(i, start);
      boolean adjacent = lastWordEnd == i && gap.isBlank();
      if (!adjacent || pendingCharset == null || !pendingCharset.equalsIgnoreCase(w.charset)) {
        flush(out, pending, pendingCharset);
        pendingCharset = null;
        if (!adjacent) out.append(gap);
      }
      pendingCharset = w.charset;
      pending.writeBytes(w.bytes);
      i = w.end;
      lastWordEnd = w.end;
    }
    flush(out, pending, pendingCharset);
    out.append(s, i, n);
    return out.toString();
  }

  private record Word(String charset, byte[] bytes, int end) {}

  private static Word parseWord(String s, int start) {
    int q1 = s.indexOf('?', start + 2);
    if (q1 < 0 || q1 + 2 >= s.length() || s.charAt(q1 + 2) != '?') return null;
    String charset = s.substring(start + 2, q1);
    if (charset.isEmpty() || charset.indexOf(' ') >= 0 || charset.length() > 40) return null;
    char enc = Character.toUpperCase(s.charAt(q1 + 1));
    if (enc != 'B' && enc != 'Q') return null;
    int textStart = q1 + 3;
    int close = s.indexOf("?=", textStart);
    if (close < 0) {
      // A word cut off by a broken client: decode what is there rather than showing the markup.
      close = s.length();
    }
    String text = s.substring(textStart, close);
    if (enc == 'Q' && text.indexOf(' ') >= 0 && close == s.length()) return null;
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    byte[] bytes = enc == 'B' ? TextDecoding.base64Lenient(b, 0, b.length) : qDecode(b);
    return new Word(charset, bytes, Math.min(s.length(), close + 2));
  }

  private static byte[] qDecode(byte[] b) {
    for (int k = 0; k < b.length; k++) if (b[k] == '_') b[k] = ' ';
    return TextDecoding.quotedPrintable(b, 0, b.length);
  }

  private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
    if (pending.size() == 0) return;
    byte[] b = pending.toByteArray();
    pending.reset();
    out.append(TextDecoding.decode(b, 0, b.length, charset).replace("\r", "").replace("\n", ""));
  }

  /** RFC 5322 unfolding: CRLF followed by white space is removed, tabs become spaces, ends are trimmed. */
  public static String unfold(String raw) {
    if (raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0 && raw.indexOf('\t') < 0) return raw.strip();
    // Into a plain array: a builder's append checks capacity and coding for every char of every folded value.
    char[] out = new char[raw.length()];
    int n = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\r' || c == '\n') continue;
      out[n++] = c == '\t' ? ' ' : c;
    }
    return new String(out, 0, n).strip();
  }

  /** Reads raw header bytes: UTF-8 when valid (RFC 6532), else windows-1252. */
  public static String fromBytes(String isoLatin1) {
    byte[] b = isoLatin1.getBytes(StandardCharsets.ISO_8859_1);
    return TextDecoding.decode(b, 0, b.length, null);
  }
}
