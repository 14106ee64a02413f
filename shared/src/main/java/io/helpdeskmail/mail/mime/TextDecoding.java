package io.helpdeskmail.mail.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bytes to text the way real mail needs it: the declared charset when it fits, else UTF-8 when the bytes are
 * valid UTF-8, else windows-1252 (what "latin-1" senders really mean). Also the transfer decodings (base64,
 * quoted-printable) in lenient forms that never throw: mail from broken clients must still be read.
 */
public final class TextDecoding {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Charset NONE = StandardCharsets.UTF_16BE; // sentinel for "unknown name" in the cache
  private static final Map<String, Charset> CACHE = new ConcurrentHashMap<>();
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("utf8", "UTF-8"), Map.entry("utf-8lite", "UTF-8"), Map.entry("unicode-1-1-utf-8", "UTF-8"),
      Map.entry("iso-8859-1", "windows-1252"), Map.entry("latin1", "windows-1252"), Map.entry("iso8859-1", "windows-1252"),
      Map.entry("us-ascii", "windows-1252"), Map.entry("ascii", "windows-1252"), Map.entry("ansi_x3.4-1968", "windows-1252"),
      Map.entry("iso-8859-8-i", "ISO-8859-8"), Map.entry("iso-8859-6-i", "ISO-8859-6"),
      Map.entry("gb2312", "GB18030"), Map.entry("gbk", "GB18030"), Map.entry("x-gbk", "GB18030"), Map.entry("cp936", "GB18030"),
      Map.entry("ks_c_5601-1987", "x-windows-949"), Map.entry("ks_c_5601", "x-windows-949"), Map.entry("euc-kr", "x-windows-949"),
      Map.entry("shift-jis", "windows-31j"), Map.entry("shift_jis", "windows-31j"), Map.entry("sjis", "windows-31j"),
      Map.entry("x-sjis", "windows-31j"), Map.entry("big5", "Big5-HKSCS"), Map.entry("iso-2022-jp", "x-windows-iso2022jp"),
      Map.entry("tis-620", "x-windows-874"), Map.entry("iso-8859-11", "x-windows-874"), Map.entry("cp1252", "windows-1252"),
      Map.entry("win-1252", "windows-1252"), Map.entry("cp-850", "IBM850"), Map.entry("macintosh", "x-MacRoman"));

  private TextDecoding() {}

  /** The Java charset for a MIME charset name, widened to its common superset; null when unknown or blank. */
  public static Charset charset(String name) {
    if (name == null) return null;
    String key = name.trim().toLowerCase(Locale.ROOT);
    if (key.length() > 1 && (key.charAt(0) == '"' || key.charAt(0) == '\'')) key = key.substring(1, key.length() - 1).trim();
    int star = key.indexOf('*'); // RFC 2231 language suffix: utf-8*en
    if (star > 0) key = key.substring(0, star);
    if (key.isEmpty()) return null;
    Charset c = CACHE.computeIfAbsent(key, TextDecoding::lookup);
    return c == NONE ? null : c;
  }

  private static Charset lookup(String key) {
    String alias = ALIASES.get(key);
    try {
      return Charset.forName(alias != null ? alias : key);
    } catch (RuntimeException e) {
      String stripped = key.replace("x-", "").replace("_", "-");
      try {
        return Charset.forName(stripped);
      } catch (RuntimeException e2) {
        return NONE;
      }
    }
  }

  /** Decodes text bytes: declared charset if it fits, else detected (ISO-2022-JP escapes, UTF-8), else windows-1252. */
  public static String decode(byte[] b, int off, int len, String declared) {
    if (ByteScan.isAsciiWithoutEscape(b, off, off + len)) return new String(b, off, len, StandardCharsets.ISO_8859_1);
    Charset cs = charset(declared);
    if (cs == null || cs == WINDOWS_1252) {
      if (hasEscape(b, off, len) && cs == null) return new String(b, off, len, charset("iso-2022-jp"));
      if (mostlyUtf8(b, off, len)) return new String(b, off, len, StandardCharsets.UTF_8);
      return new String(b, off, len, WINDOWS_1252);
    }
    if (cs == StandardCharsets.UTF_8 && !mostlyUtf8(b, off, len)) {
      // Mislabelled legacy text reads better as windows-1252 than as a row of replacement characters.
      return new String(b, off, len, WINDOWS_1252);
    }
    if (cs != StandardCharsets.UTF_8 && multibyteUtf8(b, off, len)) {
      // Declared a legacy charset, written in UTF-8 (clients that keep the account's old default): text in
      // Big5, GBK, Shift_JIS, KOI8-R or windows-1251 is practically never also well-formed UTF-8 with several
      // multi-byte sequences, so such bytes are UTF-8 whatever the label says.
      return new String(b, off, len, StandardCharsets.UTF_8);
    }
    return new String(b, off, len, cs);
  }

  /** Well-formed UTF-8 holding at least two multi-byte sequences. */
  static boolean multibyteUtf8(byte[] b, int off, int len) {
    int sequences = 0;
    for (int i = off, end = off + len; i < end && sequences < 2; i++) {
      if (b[i] < 0 && (b[i] & 0xC0) == 0xC0) sequences++;
    }
    return sequences >= 2 && isUtf8(b, off, len);
  }

  public static String decode(byte[] b, String declared) {
    return decode(b, 0, b.length, declared);
  }

  private static boolean hasEscape(byte[] b, int off, int len) {
    int end = off + len - 2;
    for (int i = ByteScan.indexOf(b, off, end, (byte) 0x1B); i >= 0; i = ByteScan.indexOf(b, i + 1, end, (byte) 0x1B)) {
      if (b[i + 1] == '$' && (b[i + 2] == 'B' || b[i + 2] == '@')) return true;
    }
    return false;
  }

  /**
   * True when the bytes are UTF-8 with at most a few damaged sequences (a name cut inside a character, one
   * stray byte): more well-formed multi-byte sequences than bad bytes. windows-1252 text almost never holds
   * a well-formed multi-byte sequence, so this does not misread it; the damaged bytes become U+FFFD.
   */
  public static boolean mostlyUtf8(byte[] b, int off, int len) {
    int good = 0, bad = 0;
    int i = off, end = off + len;
    while (i < end) {
      int c = b[i] & 0xFF;
      if (c < 0x80) { i++; continue; }
      int n = sequenceLength(b, i, end);
      if (n > 0) {
        good++;
        i += n;
      } else {
        bad++;
        i++;
      }
    }
    return bad == 0 || good > bad * 2;
  }

  /** Length of the well-formed UTF-8 multi-byte sequence at i, or 0. */
  private static int sequenceLength(byte[] b, int i, int end) {
    int c = b[i] & 0xFF;
    int n;
    if (c >= 0xC2 && c <= 0xDF) n = 1;
    else if (c >= 0xE0 && c <= 0xEF) n = 2;
    else if (c >= 0xF0 && c <= 0xF4) n = 3;
    else return 0;
    if (i + n >= end) return 0;
    for (int k = 1; k <= n; k++) if ((b[i + k] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && (b[i + 1] & 0xFF) < 0xA0) return 0;
    if (c == 0xED && (b[i + 1] & 0xFF) > 0x9F) return 0;
    if (c == 0xF0 && (b[i + 1] & 0xFF) < 0x90) return 0;
    if (c == 0xF4 && (b[i + 1] & 0xFF) > 0x8F) return 0;
    return n + 1;
  }

  /** True when the bytes are well-formed UTF-8 (no overlongs, no surrogates). */
  public static boolean isUtf8(byte[] b, int off, int len) {
    int i = off, end = off + len;
    while (i < end) {
      int c = b[i] & 0xFF;
      if (c < 0x80) { i++; continue; }
      int n;
      if (c >= 0xC2 && c <= 0xDF) n = 1;
      else if (c >= 0xE0 && c <= 0xEF) n = 2;
      else if (c >= 0xF0 && c <= 0xF4) n = 3;
      else return false;
      if (i + n >= end) return false;
      for (int k = 1; k <= n; k++) if ((b[i + k] & 0xC0) != 0x80) return false;
      if (c == 0xE0 && (b[i + 1] & 0xFF) < 0xA0) return false;
      if (c == 0xED && (b[i + 1] & 0xFF) > 0x9F) return false;
      if (c == 0xF0 && (b[i + 1] & 0xFF) < 0x90) return false;
      if (c == 0xF4 && (b[i + 1] & 0xFF) > 0x8F) return false;
      i += n + 1;
    }
    return true;
  }

  /**
   * True for charsets whose bytes are worth trying on unlabelled 8-bit text: neither UTF-8 nor the Western
   * single-byte family that the windows-1252 fallback already reads.
   */
  public static boolean isLegacy(Charset cs) {
    String n = cs.name();
    return !(cs == StandardCharsets.UTF_8 || cs == WINDOWS_1252 || n.equals("ISO-8859-1") || n.equals("ISO-8859-15")
        || n.equals("US-ASCII") || n.startsWith("UTF-"));
  }

  /** True when the bytes decode in cs without malformed or unmappable input. */
  public static boolean decodesCleanly(byte[] b, Charset cs) {
    try {
      cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * Adds to out the values of up to max "charset=" parameters found anywhere in the raw message, in order.
   * A plain byte scan (no regex), used only when a header holds unlabelled 8-bit text.
   */
  public static void declaredCharsets(byte[] raw, java.util.List<String> out, int max) {
    int found = 0;
    for (int i = 0, end = raw.length - 8; i < end && found < max; i++) {
      if ((raw[i] | 0x20) != 'c' || !matchesLower(raw, i, "charset")) continue;
      int j = i + 7;
      while (j < raw.length && (raw[j] == ' ' || raw[j] == '\t')) j++;
      if (j >= raw.length || raw[j] != '=') continue;
      j++;
      while (j < raw.length && (raw[j] == ' ' || raw[j] == '"' || raw[j] == '\'')) j++;
      int k = j;
      while (k < raw.length && k - j < 40 && (Character.isLetterOrDigit(raw[k]) || raw[k] == '-' || raw[k] == '_'
          || raw[k] == ':' || raw[k] == '.')) k++;
      if (k > j) {
        String name = new String(raw, j, k - j, StandardCharsets.ISO_8859_1);
        if (!out.contains(name)) out.add(name);
        found++;
      }
      i = k;
    }
  }

  private static boolean matchesLower(byte[] b, int i, String word) {
    if (i + word.length() > b.length) return false;
    for (int k = 0; k < word.length(); k++) if ((b[i + k] | 0x20) != word.charAt(k)) return false;
    return true;
  }

  /** The bytes with every CRLF (and lone CR) turned into LF; the same array when there is no CR. */
  public static byte[] crlfToLf(byte[] in) {
    return indexOfCr(in, 0, in.length) < 0 ? in : crlfToLf(in, 0, in.length);
  }

  /** The bytes in[off..off+len) with CRLF and lone CR as LF, always in a new array. */
  public static byte[] crlfToLf(byte[] in, int off, int len) {
    byte[] out = new byte[len];
    int o = ByteScan.copyCrlfAsLf(in, off, off + len, out);
    return o == out.length ? out : java.util.Arrays.copyOf(out, o);
  }

  /**
   * {@link #decode} of 7bit/8bit text lines with CRLF and lone CR read as LF. The lines go through one scratch array
   * straight into the String, without the exact-size copy an attachment needs.
   */
  public static String decodeLines(byte[] in, int off, int len, String declared) {
    byte[] lines = new byte[len];
    return decode(lines, 0, ByteScan.copyCrlfAsLf(in, off, off + len, lines), declared);
  }

  private static int indexOfCr(byte[] in, int from, int end) {
    return ByteScan.indexOf(in, from, end, (byte) '\r');
  }

  // ---- transfer encodings ----

  private static final byte[] B64 = new byte[256];

  static {
    java.util.Arrays.fill(B64, (byte) -1);
    String a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < a.length(); i++) B64[a.charAt(i)] = (byte) i;
    B64['-'] = 62; // base64url, seen from some webmailers
    B64['_'] = 63;
  }

  /** Base64 that skips anything outside the alphabet and tolerates missing or misplaced padding. */
  public static byte[] base64(byte[] in, int off, int len) {
    if (len > BASE64_CHUNK) {
      byte[] out = base64Chunked(in, off, len);
      return out != null ? out : base64Lenient(in, off, len);
    }
    // Fast path: drop the line breaks, then the JDK's basic decoder, whose inner loop is an intrinsic. The MIME
    // decoder is several times slower on attachments (it scans the input twice, byte by byte).
    byte[] compact = new byte[len];
    int n = stripLineBreaks(in, off, len, compact);
    try {
      java.nio.ByteBuffer out = Base64.getDecoder().decode(java.nio.ByteBuffer.wrap(compact, 0, n));
      return out.arrayOffset() == 0 && out.remaining() == out.array().length ? out.array()
          : java.util.Arrays.copyOfRange(out.array(), out.arrayOffset() + out.position(), out.arrayOffset() + out.limit());
    } catch (IllegalArgumentException e) {
      // Spaces, stray characters or padding in mid-stream (concatenated blocks): decode what can be decoded.
      return base64Lenient(in, off, len);
    }
  }

  /** Encoded characters per chunk: the chunk and its decoded bytes stay in the CPU cache. A multiple of 4. */
  static final int BASE64_CHUNK = 16 * 1024;

  /**
   * Strict base64 of a large part (attachments), decoded chunk by chunk instead of through one compacted copy
   * of the whole text: the copy without line breaks and its decoded bytes stay in cache, the result is written
   * once, and the JDK decoder is called often enough to be compiled early (its vectorised intrinsic only
   * applies to compiled callers; a few calls per message left it interpreted for the whole warm-up). Same
   * result as decoding the text without CR/LF in one go; null where that would fail (the caller then decodes
   * leniently).
   */
  static byte[] base64Chunked(byte[] in, int off, int len) {
    int end = off + len;
    // Trailing white space after the last quantum is not base64 (some encoders end with spaces).
    while (end > off && (in[end - 1] == ' ' || in[end - 1] == '\t' || in[end - 1] == '\r' || in[end - 1] == '\n')) end--;
    byte[] out = new byte[base64Size(in, off, end)];
    byte[] chunk = new byte[BASE64_CHUNK];
    byte[] decoded = new byte[BASE64_CHUNK / 4 * 3];
    Base64.Decoder decoder = Base64.getDecoder();
    int i = off, c = 0, o = 0, line = -1;
    try {
      while (i < end) {
        int j;
        if (line > 0 && i + line < end && (in[i + line] == '\r' || in[i + line] == '\n') && in[i] != '\r' && in[i] != '\n') {
          j = i + line; // a line as long as the first: copied without a byte scan (see stripLineBreaks)
        } else {
          j = i;
          while (j < end && in[j] != '\r' && in[j] != '\n') j++;
          if (line < 0 && j < end) line = j - i;
        }
        while (i < j) { // the line, split where the chunk fills
          if (c == BASE64_CHUNK) { // full, and more text follows: decode it (the last chunk waits for the end)
            // Padding can only end the whole text: a chunk before the last that decodes short held some.
            if (decoder.decode(chunk, decoded) != decoded.length) return null;
            if (o + decoded.length > out.length) out = java.util.Arrays.copyOf(out, grown(out.length, len));
            System.arraycopy(decoded, 0, out, o, decoded.length);
            o += decoded.length;
            c = 0;
          }
          int k = Math.min(j - i, BASE64_CHUNK - c);
          System.arraycopy(in, i, chunk, c, k);
          c += k;
          i += k;
        }
        while (i < end && (in[i] == '\r' || in[i] == '\n')) i++;
      }
      byte[] last = decoder.decode(c == BASE64_CHUNK ? chunk : java.util.Arrays.copyOf(chunk, c));
      if (o + last.length > out.length) out = java.util.Arrays.copyOf(out, o + last.length);
      System.arraycopy(last, 0, out, o, last.length);
      o += last.length;
    } catch (IllegalArgumentException e) {
      return null;
    }
    return o == out.length ? out : java.util.Arrays.copyOf(out, o);
  }

  /**
   * The decoded size of base64 text in lines of one length (what every encoder writes), so that the result
   * array is usually allocated once at its final size; only a guess for irregular text, which then costs a copy.
   */
  static int base64Size(byte[] in, int off, int end) {
    int total = end - off;
    int first = off;
    while (first < end && in[first] != '\r' && in[first] != '\n') first++;
    int chars = total;
    if (first < end && first > off) {
      int breakLen = first + 1 < end && in[first] == '\r' && in[first + 1] == '\n' ? 2 : 1;
      int unit = first - off + breakLen;
      chars = total - total / unit * breakLen;
    }
    int pad = chars > 0 && in[end - 1] == '=' ? (chars > 1 && in[end - 2] == '=' ? 2 : 1) : 0;
    return Math.max(0, chars / 4 * 3 - pad);
  }

  private static int grown(int size, int len) {
    return Math.max(size + BASE64_CHUNK, (int) Math.min(Integer.MAX_VALUE - 16, (long) len * 3 / 4 + 3));
  }

  /**
   * Copies base64 text without its CR/LF line breaks. Encoders write lines of one fixed length, so once the
   * first line is measured each following line is copied whole when a break sits where expected; anything
   * irregular falls back to a byte scan. A wrong guess leaves a CR or LF in the output, which the strict decoder
   * then rejects, sending the part to the lenient decoder: correctness never depends on the guess.
   */
  static int stripLineBreaks(byte[] in, int off, int len, byte[] out) {
    int i = off, end = off + len, n = 0, line = -1;
    while (i < end) {
      if (line > 0 && i + line < end && (in[i + line] == '\r' || in[i + line] == '\n') && in[i] != '\r' && in[i] != '\n') {
        System.arraycopy(in, i, out, n, line);
        n += line;
        i += line;
      } else {
        int j = i;
        while (j < end && in[j] != '\r' && in[j] != '\n') j++;
        System.arraycopy(in, i, out, n, j - i);
        n += j - i;
        if (line < 0 && j < end) line = j - i;
        i = j;
      }
      while (i < end && (in[i] == '\r' || in[i] == '\n')) i++;
    }
    // Trailing white space after the last quantum (some encoders end with spaces) is not base64.
    while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t')) n--;
    return n;
  }

  static byte[] base64Lenient(byte[] in, int off, int len) {
    byte[] out = new byte[len * 3 / 4 + 3];
    int o = 0, acc = 0, bits = 0;
    for (int i = off, end = off + len; i < end; i++) {
      int v = B64[in[i] & 0xFF];
      if (v < 0) continue;
      acc = (acc << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[o++] = (byte) (acc >> bits);
        acc &= (1 << bits) - 1;
      }
    }
    return java.util.Arrays.copyOf(out, o);
  }

  /** Quoted-printable (RFC 2045 6.7); a malformed escape is kept as it stands. */
  public static byte[] quotedPrintable(byte[] in, int off, int len) {
    byte[] out = new byte[len];
    int o = 0, end = off + len;
    for (int i = off; i < end; i++) {
      byte c = in[i];
      if (c != '=') { out[o++] = c; continue; }
      if (i + 1 < end && (in[i + 1] == '\r' || in[i + 1] == '\n')) { // soft line break
        i++;
        if (in[i] == '\r' && i + 1 < end && in[i + 1] == '\n') i++;
        continue;
      }
      // "=  \r\n": soft break with trailing white space, which some gateways add
      int j = i + 1;
      while (j < end && (in[j] == ' ' || in[j] == '\t')) j++;
      if (j > i + 1 && (j == end || in[j] == '\r' || in[j] == '\n')) {
        i = j < end && in[j] == '\r' && j + 1 < end && in[j + 1] == '\n' ? j + 1 : j;
        continue;
      }
      if (i + 2 < end) {
        int h = hex(in[i + 1]), l = hex(in[i + 2]);
        if (h >= 0 && l >= 0) {
          out[o++] = (byte) (h << 4 | l);
          i += 2;
          continue;
        }
      }
      out[o++] = c;
    }
    return java.util.Arrays.copyOf(out, o);
  }

  /**
   * quotedPrintable(crlfToLf(in, off, len)) in one pass: quoted-printable text is lines, so both steps ran over every
   * byte of every such part, each into a fresh array. The runs between '=' and CR are copied in bulk.
   */
  public static byte[] quotedPrintableLf(byte[] in, int off, int len) {
    byte[] out = new byte[len];
    int o = quotedPrintableLf(in, off, len, out);
    return o == out.length ? out : java.util.Arrays.copyOf(out, o);
  }

  /** {@link #decode} of quoted-printable text, decoded as {@link #quotedPrintableLf} through one scratch array. */
  public static String decodeQuotedPrintableLines(byte[] in, int off, int len, String declared) {
    byte[] lines = new byte[len];
    return decode(lines, 0, quotedPrintableLf(in, off, len, lines), declared);
  }

  /** {@link #quotedPrintableLf} into out (at least len bytes); gives the length written. */
  private static int quotedPrintableLf(byte[] in, int off, int len, byte[] out) {
    int o = 0, i = off, end = off + len;
    while (i < end) {
      int at = ByteScan.indexOfEither(in, i, end, (byte) '=', (byte) '\r');
      if (at < 0) at = end;
      System.arraycopy(in, i, out, o, at - i);
      o += at - i;
      i = at;
      if (i >= end) break;
      if (in[i] == '\r') { // CRLF or a lone CR: one LF
        out[o++] = '\n';
        i = afterLineEnd(in, i, end);
        continue;
      }
      int next = i + 1;
      if (next < end && (in[next] == '\r' || in[next] == '\n')) { // soft line break
        i = afterLineEnd(in, next, end);
        continue;
      }
      int j = next;
      while (j < end && (in[j] == ' ' || in[j] == '\t')) j++;
      if (j > next && (j == end || in[j] == '\r' || in[j] == '\n')) { // soft break with trailing white space
        i = j == end ? end : afterLineEnd(in, j, end);
        continue;
      }
      // A CR after '=' or '=X' reads as LF in the two-step form: not a hex digit either way.
      if (i + 2 < end) {
        int h = hex(in[i + 1]), l = hex(in[i + 2]);
        if (h >= 0 && l >= 0) {
          out[o++] = (byte) (h << 4 | l);
          i += 3;
          continue;
        }
      }
      out[o++] = '=';
      i++;
    }
    return o;
  }

  /** The index after the line end at i (CRLF, lone CR or LF). */
  private static int afterLineEnd(byte[] in, int i, int end) {
    if (in[i] == '\r' && i + 1 < end && in[i + 1] == '\n') return i + 2;
    return i + 1;
  }

  static int hex(byte b) {
    if (b >= '0' && b <= '9') return b - '0';
    if (b >= 'A' && b <= 'F') return b - 'A' + 10;
    if (b >= 'a' && b <= 'f') return b - 'a' + 10;
    return -1;
  }
}
