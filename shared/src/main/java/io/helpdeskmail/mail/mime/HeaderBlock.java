package io.helpdeskmail.mail.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A lenient scan of an RFC 5322 header block, done on the raw bytes before Jakarta Mail sees the message. Real
 * mail and mail stores add things Angus's InternetHeaders rejects or misreads: blank or space-only lines before
 * the first field, an mbox "From " line, obsolete syntax (white space before the colon, empty lines inside a
 * folded field) and header blocks that end without the blank line. The rules follow what Python's email
 * package does, which is also what most corpora were labelled with.
 *
 * @param fields the fields in order; values are raw (still folded, 8-bit bytes as ISO-8859-1 chars)
 * @param bodyStart offset of the first body byte in the scanned array
 */
record HeaderBlock(List<Field> fields, int bodyStart) {

  /** One header field: its name as written (trimmed) and its raw value after the colon. */
  record Field(String name, String value) {}

  /** Scans the header block that starts at off; never throws. */
  static HeaderBlock scan(byte[] b, int off, int end) {
    int pos = skipLeadingBlankLines(b, off, end);
    List<Field> fields = new ArrayList<>();
    Open open = null;
    boolean first = true;
    while (pos < end) {
      int eol = lineEnd(b, pos, end);
      int next = nextLine(b, eol, end);
      int len = eol - pos;
      if (len == 0) { // the blank line that ends the header block
        pos = next;
        break;
      }
      byte c = b[pos];
      if (c == ' ' || c == '\t') {
        if (isBlank(b, pos, eol) && !continues(b, next, end)) { // a space-only line used as the separator
          pos = next;
          break;
        }
        if (open != null) {
          open.fold(b, pos, eol, "\r\n");
          pos = next;
          continue;
        }
        if (!fields.isEmpty()) break; // cannot happen with a field open; kept for safety
        pos = next; // white space before the first field: skip it
        continue;
      }
      if (first && startsWith(b, pos, eol, "From ") && fieldColon(b, pos, eol) < 0) { // mbox separator line
        first = false;
        pos = next;
        continue;
      }
      first = false;
      int colon = fieldColon(b, pos, eol);
      if (colon < 0) {
        if (!insideBlock(b, next, end, b, pos, eol)) break; // not a field: the body starts here (no blank line)
        // Inside the block: a folded line that lost its indentation ("boundary=...", a list of message ids,
        // one token without spaces) continues the field before it; a line of words is gateway junk, dropped.
        if (open != null && !hasSpace(b, pos, eol)) open.fold(b, pos, eol, "\r\n ");
        pos = next;
        continue;
      }
      if (open != null) fields.add(open.field(b));
      open = new Open(latin1(b, pos, colon).strip(), colon + 1, eol);
      pos = next;
    }
    if (open != null) fields.add(open.field(b));
    return new HeaderBlock(List.copyOf(fields), Math.min(pos, end));
  }

  /**
   * The field being read. Its value is one String cut from the buffer when its lines follow each other joined by
   * CRLF, as they are stored (nearly every field); a builder is made only for other line ends or a line that lost
   * its indentation. Building every value in a builder from a String of its first line copied it three times.
   */
  private static final class Open {
    final String name;
    final int start;
    int end;
    StringBuilder folded;

    Open(String name, int start, int end) {
      this.name = name;
      this.start = start;
      this.end = end;
    }

    /** Adds the line b[from..eol) after separator (which is what sits between the lines in the value). */
    void fold(byte[] b, int from, int eol, String separator) {
      if (folded == null && separator.length() == 2 && from == end + 2 && b[end] == '\r' && b[end + 1] == '\n') {
        end = eol; // stored exactly as the value reads: still one slice of the buffer
        return;
      }
      if (folded == null) folded = new StringBuilder(latin1(b, start, end));
      folded.append(separator).append(latin1(b, from, eol));
    }

    Field field(byte[] b) {
      return new Field(name, folded != null ? folded.toString() : latin1(b, start, end));
    }
  }

  private static int skipLeadingBlankLines(byte[] b, int pos, int end) {
    int p = pos;
    while (p < end) {
      int eol = lineEnd(b, p, end);
      if (!isBlank(b, p, eol) || eol == end) return p;
      p = nextLine(b, eol, end);
    }
    return p;
  }

  /** Index of the colon ending a field name (printable, no inner spaces, spaces allowed before it), else -1. */
  private static int fieldColon(byte[] b, int pos, int eol) {
    int i = pos;
    while (i < eol && b[i] != ':' && b[i] != ' ' && b[i] != '\t' && (b[i] & 0xFF) > 32 && b[i] != 127) i++;
    if (i == pos) return -1;
    int j = i;
    while (j < eol && (b[j] == ' ' || b[j] == '\t')) j++;
    return j < eol && b[j] == ':' ? j : -1;
  }

  /** True when the line at pos is a folded continuation or another field, so a blank-looking line is inside. */
  private static boolean continues(byte[] b, int pos, int end) {
    for (int seen = 0; pos < end && seen < 64; seen++) { // bounded: a run of blank lines must stay linear
      int eol = lineEnd(b, pos, end);
      if (eol == pos) return false;
      if (b[pos] != ' ' && b[pos] != '\t') return fieldColon(b, pos, eol) >= 0;
      if (!isBlank(b, pos, eol)) return true;
      pos = nextLine(b, eol, end);
    }
    return false;
  }

  /**
   * Whether a line that is not a field still belongs to the header block: more fields follow before the
   * blank line, or it looks like the tail of a structured field right before that line. Bounded look-ahead.
   */
  private static boolean insideBlock(byte[] b, int pos, int end, byte[] line, int from, int to) {
    for (int seen = 0; pos < end && seen < 100; seen++) {
      int eol = lineEnd(b, pos, end);
      if (isBlank(b, pos, eol)) {
        if (seen > 3) return false;
        // "boundary=...", "example.com>": the tail of a folded structured field, not the first line of a body
        for (int i = from; i < to; i++) if (line[i] == '=' || line[i] == '>' || line[i] == '<' || line[i] == '@' || line[i] == ';') return true;
        return false;
      }
      if (b[pos] != ' ' && b[pos] != '\t' && fieldColon(b, pos, eol) >= 0) return true;
      pos = nextLine(b, eol, end);
    }
    return false;
  }

  private static boolean hasSpace(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) if (b[i] == ' ' || b[i] == '\t') return true;
    return false;
  }

  private static boolean isBlank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') return false;
    return true;
  }

  private static boolean startsWith(byte[] b, int pos, int eol, String s) {
    if (eol - pos < s.length()) return false;
    for (int i = 0; i < s.length(); i++) if (b[pos + i] != s.charAt(i)) return false;
    return true;
  }

  /** End of the line content at pos: before CRLF, LF, or a lone CR. */
  private static int lineEnd(byte[] b, int pos, int end) {
    int i = ByteScan.indexOfEither(b, pos, end, (byte) '\r', (byte) '\n');
    return i < 0 ? end : i; // a CR ends the line whether an LF follows (CRLF) or not (a lone CR)
  }

  private static int nextLine(byte[] b, int eol, int end) {
    if (eol >= end) return end;
    if (b[eol] == '\r' && eol + 1 < end && b[eol + 1] == '\n') return eol + 2;
    return eol + 1;
  }

  private static String latin1(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }
}
