package io.helpdeskmail.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Separates the customer's new words from quoted history and from the signature. Works on plain text (HTML
 * mail is converted by {@link HtmlText} first, with its quote containers already cut off).
 *
 * <p>One pass over the lines finds the first marker of quoted history (attribution line, "Original Message"
 * separator, Outlook header block) below some new text and cuts there. An attribution followed by "&gt;" lines
 * only introduces an inline quote: the text after the quote is still the customer's. {@code reply} keeps such
 * interleaved quotes and any forwarded message; {@code visible} drops them and the signature.
 */
public final class ReplyExtractor {
  /** Footers that mailing-list software appends below a separator line. */
  private static final List<String> LIST_FOOTER_WORDS = List.of("mailing list", "listinfo", "unsubscribe",
      "list-unsubscribe", "mailman");

  /**
   * Quoted history is looked for in this much of a text at most. New words come first and history follows within
   * a few screens; a longer text is a pasted log or document, scanning it line by line cost 6 ms a megabyte, and a
   * 40 MB mail is possible. Beyond it, the text is the customer's unless history began before.
   */
  static final int MAX_SCAN_CHARS = 256 * 1024;

  public ReplyBody extract(String text) {
    if (text == null || text.isBlank()) return ReplyBody.EMPTY;
    if (text.length() <= MAX_SCAN_CHARS) return extractAll(text, true).body();
    int end = text.lastIndexOf('\n', MAX_SCAN_CHARS);
    Extraction head = extractAll(text.substring(0, end > 0 ? end : MAX_SCAN_CHARS), false);
    if (head.history()) return head.body(); // history began in the head: the rest is more of it
    String whole = text.strip();
    return new ReplyBody(whole, null, whole);
  }

  /**
   * The parts of a text, and whether any quoted history, forward or list footer was taken out. The body is null
   * when it was not asked for without history.
   */
  private record Extraction(ReplyBody body, boolean history) {}

  /**
   * @param bodyWithoutHistory false when a text without history needs no body: the head of a long text is then
   *     replaced by the whole, and joining its 256 KB of lines and looking for a signature in them were wasted
   */
  private Extraction extractAll(String text, boolean bodyWithoutHistory) {
    List<String> lines = lines(text);
    QuoteMarkers.Lines scan = new QuoteMarkers.Lines(lines);
    int n = lines.size();
    boolean[] dropped = new boolean[n];
    boolean[] quoted = new boolean[n];
    int cut = n;
    int forwardAt = -1;
    boolean content = false;
    for (int i = 0; i < n; i++) {
      String t = scan.stripped(i);
      if (t.isEmpty()) continue;
      if (t.charAt(0) == '>') {
        quoted[i] = true;
        continue;
      }
      if (forwardAt < 0) {
        QuoteMarkers.Marker m = QuoteMarkers.at(scan, i);
        if (m != null && m.kind() == QuoteMarkers.Kind.ATTRIBUTION && m.lines() > 1 && i + 1 < n
            && QuoteMarkers.looksLikeText(t) && QuoteMarkers.at(scan, i + 1) != null) {
          m = null; // this line is a sentence of the reply; the attribution starts on the next one
        }
        if (m != null && m.onlyBeforeQuote() && !followedByQuote(scan, i + m.lines())) m = null;
        if (m != null) {
          int end = i + m.lines();
          if (m.kind() == QuoteMarkers.Kind.ATTRIBUTION && followedByQuote(scan, end)) {
            for (int k = i; k < end; k++) dropped[k] = true;
            if (m.prefix() != null && !m.prefix().isEmpty()) {
              scan.set(i, m.prefix());
              dropped[i] = false;
              content = true;
            }
            i = end - 1;
            continue;
          }
          if (m.prefix() != null && !m.prefix().isEmpty()) {
            scan.set(i, m.prefix());
            cut = i + 1;
            break;
          }
          if (content) {
            if (m.kind() == QuoteMarkers.Kind.FORWARD) {
              forwardAt = i; // forwarded material is part of what the customer sent, but not their own words
              continue;
            }
            cut = i;
            break;
          }
          i = end - 1; // nothing new above: the history itself is all there is, keep reading it
          continue;
        }
      }
      content = true;
    }
    markLazyQuoteLines(lines, quoted, cut);
    int end = trimTrailing(lines, quoted, dropped, cut);
    int footer = listFooter(lines, end);
    if (footer >= 0) end = trimTrailing(lines, quoted, dropped, footer);
    boolean history = cut < n || forwardAt >= 0 || footer >= 0 || any(quoted, n) || any(dropped, n);
    if (!history && !bodyWithoutHistory) return new Extraction(null, false);

    List<String> reply = new ArrayList<>();
    List<String> own = new ArrayList<>();
    int ownEnd = forwardAt >= 0 ? Math.min(forwardAt, end) : end;
    for (int i = 0; i < end; i++) {
      if (dropped[i]) continue;
      reply.add(lines.get(i));
      if (i < ownEnd && !quoted[i]) own.add(lines.get(i));
    }
    String replyText = join(reply);
    if (replyText.isEmpty() || !hasText(own)) {
      String whole = text.strip();
      return new Extraction(new ReplyBody(whole, null, whole), history);
    }
    int sig = SignatureFinder.find(own);
    List<String> visible = sig < 0 ? own : own.subList(0, sig);
    List<String> shown = stripTrailingSeparators(visible);
    // shown is a prefix of own, own a subsequence of reply: the same size means the same lines, already joined
    String visibleText = shown.size() == reply.size() ? replyText : join(shown);
    String signature = sig < 0 ? null : join(stripTrailingSeparators(own.subList(sig, own.size())));
    if (visibleText.isEmpty()) visibleText = join(own);
    return new Extraction(new ReplyBody(replyText, signature == null || signature.isEmpty() ? null : signature,
        visibleText), history);
  }

  private static boolean any(boolean[] flags, int end) {
    for (int i = 0; i < end; i++) if (flags[i]) return true;
    return false;
  }

  /** True when the next non-blank line at or after i is a "&gt;" quote. */
  private static boolean followedByQuote(QuoteMarkers.Lines lines, int i) {
    for (int j = i; j < lines.size() && j < i + 4; j++) {
      String t = lines.stripped(j);
      if (t.isEmpty()) continue;
      return t.charAt(0) == '>';
    }
    return false;
  }

  /**
   * Lines without "&gt;" squeezed between two quoted lines are a quoted line that a client re-wrapped, not an
   * inline answer: answers are set apart by blank lines or followed by more text.
   */
  private static void markLazyQuoteLines(List<String> lines, boolean[] quoted, int end) {
    for (int i = 1; i < end; i++) {
      if (quoted[i] || !quoted[i - 1] || lines.get(i).isBlank()) continue;
      int j = i;
      while (j < end && j - i < 3 && !quoted[j] && !lines.get(j).isBlank()) j++;
      if (j < end && quoted[j] && !lines.get(j).isBlank()) {
        for (int k = i; k < j; k++) quoted[k] = true;
      }
    }
  }

  /** The end index after dropping trailing blank, quoted and dropped lines before end. */
  private static int trimTrailing(List<String> lines, boolean[] quoted, boolean[] dropped, int end) {
    int e = end;
    while (e > 0 && (lines.get(e - 1).isBlank() || quoted[e - 1] || dropped[e - 1])) e--;
    return e;
  }

  /** Start of a mailing-list footer (separator line, then a few lines naming the list) ending the text, or -1. */
  private static int listFooter(List<String> lines, int end) {
    int nonBlank = 0;
    for (int i = end - 1; i > 0 && nonBlank <= 8; i--) {
      String t = lines.get(i).strip();
      if (t.isEmpty()) continue;
      if (isSeparator(t) && i < end - 1) {
        // Line by line, as no word spans a line break: joining the tail first copied it twice.
        for (String line : lines.subList(i + 1, end)) {
          String lower = line.toLowerCase(Locale.ROOT);
          for (String w : LIST_FOOTER_WORDS) {
            if (lower.contains(w)) return i;
          }
        }
        return -1;
      }
      nonBlank++;
    }
    return -1;
  }

  private static List<String> stripTrailingSeparators(List<String> lines) {
    int e = lines.size();
    while (e > 0 && (lines.get(e - 1).isBlank() || isSeparator(lines.get(e - 1).strip()))) e--;
    return lines.subList(0, e);
  }

  /** A line made only of dashes, underscores, equals signs or stars (at least two). */
  static boolean isSeparator(String t) {
    if (t.length() < 2) return false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c != '-' && c != '_' && c != '=' && c != '*' && c != ' ' && c != '—') return false;
    }
    return true;
  }

  /**
   * The text's lines (ended by LF, CRLF or a lone CR; a trailing line end gives a last empty line), with no-break
   * spaces as spaces. One pass with no intermediate copies of the text: long pasted logs made three of them.
   */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>(text.length() / 32 + 4);
    int n = text.length();
    if (text.indexOf('\r') < 0) { // the usual case: the reader already turned CRLF into LF
      // one search of the text for a no-break space instead of one per line
      boolean nbsp = text.indexOf('\u00A0') >= 0;
      int start = 0;
      for (int lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', start)) {
        out.add(nbsp ? line(text, start, lf) : text.substring(start, lf));
        start = lf + 1;
      }
      out.add(nbsp ? line(text, start, n) : text.substring(start, n));
      return out;
    }
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c != '\n' && c != '\r') continue;
      out.add(line(text, start, i));
      if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
      start = i + 1;
    }
    out.add(line(text, start, n));
    return out;
  }

  private static String line(String text, int from, int to) {
    String s = text.substring(from, to);
    return s.indexOf('\u00A0') >= 0 ? s.replace('\u00A0', ' ') : s;
  }

  private static boolean hasText(List<String> lines) {
    for (String l : lines) if (!l.isBlank()) return true;
    return false;
  }

  /** Joins lines, trimming the ends and collapsing runs of blank lines left by removed blocks. */
  private static String join(List<String> lines) {
    int size = 0;
    for (String l : lines) size += l.length() + 1;
    StringBuilder sb = new StringBuilder(size); // sized once: growing it copied long bodies several times over
    boolean blank = false;
    for (String l : lines) {
      if (l.isBlank()) {
        blank = sb.length() > 0;
        continue;
      }
      if (blank) sb.append('\n');
      blank = false;
      int e = l.length();
      while (e > 0 && Character.isWhitespace(l.charAt(e - 1))) e--;
      sb.append(l, 0, e).append('\n');
    }
    // strip() without the copy of toString() first
    int from = 0, to = sb.length();
    while (from < to && Character.isWhitespace(sb.charAt(from))) from++;
    while (to > from && Character.isWhitespace(sb.charAt(to - 1))) to--;
    return sb.substring(from, to);
  }
}
