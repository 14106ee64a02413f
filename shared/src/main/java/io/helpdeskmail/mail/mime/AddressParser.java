package io.helpdeskmail.mail.mime;

import io.helpdeskmail.mail.MailAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A lenient RFC 5322 address-list parser. Jakarta Mail's InternetAddress splits RFC 2047 words that contain a
 * comma, keeps comments in display names and gives up on many malformed lists; this one reads what senders
 * really write, in one pass without regular expressions:
 * <ul>
 *   <li>{@code "Name" <a@b>}, {@code Name <a@b>}, {@code a@b (Name)}, {@code <a@b>}, bare {@code a@b};
 *   <li>RFC 2047 words anywhere in the phrase, also when they hold specials (kept whole, decoded after);
 *   <li>comments are dropped from a display name when there is a phrase, and are the name when there is none;
 *   <li>groups ({@code team: a@b, c@d;}) are flattened; {@code undisclosed-recipients:;} gives nothing;
 *   <li>a quoted address without angle brackets ({@code "a@b"}) is the address.
 * </ul>
 * Mailboxes without an address keep their text as address (no '@'), so callers can tell them apart.
 */
final class AddressParser {
  private AddressParser() {}

  private enum T { ATOM, QUOTED, COMMENT, ANGLE }

  private record Token(T type, String text, boolean spaceBefore) {}

  /** All mailboxes of an unfolded header value, in order; never throws. */
  static List<MailAddress> parse(String s) {
    List<MailAddress> out = new ArrayList<>();
    if (s == null) return out;
    List<Token> box = new ArrayList<>();
    List<Token> held = new ArrayList<>(); // a comma-split name waiting for its address
    int n = s.length();
    int i = 0;
    boolean space = false;
    while (i < n) {
      char c = s.charAt(i);
      switch (c) {
        case ' ', '\t', '\r', '\n' -> {
          space = true;
          i++;
          continue;
        }
        case '"' -> {
          StringBuilder q = new StringBuilder();
          int j = i + 1;
          while (j < n && s.charAt(j) != '"') {
            if (s.charAt(j) == '\\' && j + 1 < n) j++;
            q.append(s.charAt(j++));
          }
          box.add(new Token(T.QUOTED, q.toString(), space));
          i = Math.min(n, j + 1);
        }
        case '(' -> {
          StringBuilder q = new StringBuilder();
          int depth = 1, j = i + 1;
          for (; j < n; j++) {
            char d = s.charAt(j);
            if (d == '\\' && j + 1 < n) {
              q.append(s.charAt(++j));
              continue;
            }
            if (d == '(') depth++;
            else if (d == ')' && --depth == 0) break;
            q.append(d);
          }
          box.add(new Token(T.COMMENT, q.toString(), space));
          i = Math.min(n, j + 1);
        }
        case '<' -> {
          int close = s.indexOf('>', i + 1);
          int j = close < 0 ? n : close;
          box.add(new Token(T.ANGLE, s.substring(i + 1, j), space));
          i = Math.min(n, j + 1);
        }
        case ',' -> {
          finish(box, out, held);
          i++;
        }
        case ';' -> { // end of a group: nothing carries over it
          finish(box, out, held);
          flushHeld(held, out);
          i++;
        }
        case ':' -> {
          // A group's display name ends here; "Re: x" style phrases are too rare to matter.
          boolean addressed = false;
          for (Token t : box) addressed |= t.type == T.ANGLE || t.text.indexOf('@') >= 0;
          if (addressed) box.add(new Token(T.ATOM, ":", space));
          else {
            box.clear();
            held.clear();
          }
          i++;
        }
        case '>', ')' -> i++; // stray closers
        default -> {
          int j = encodedWordEnd(s, i);
          if (j < 0) {
            j = i;
            while (j < n && " \t\r\n\"(<,;:>)".indexOf(s.charAt(j)) < 0) j++;
          }
          box.add(new Token(T.ATOM, s.substring(i, j), space));
          i = j;
        }
      }
      space = false;
    }
    finish(box, out, held);
    flushHeld(held, out);
    return out;
  }

  /** End of an RFC 2047 encoded word at i (kept whole even if it holds ',' or '<'), or -1. */
  private static int encodedWordEnd(String s, int i) {
    if (!s.startsWith("=?", i)) return -1;
    int q1 = s.indexOf('?', i + 2);
    if (q1 < 0 || q1 + 2 >= s.length() || s.charAt(q1 + 2) != '?') return -1;
    char e = s.charAt(q1 + 1);
    if (e != 'B' && e != 'b' && e != 'Q' && e != 'q') return -1;
    int close = s.indexOf("?=", q1 + 3);
    if (close < 0) return -1;
    for (int k = i; k < close; k++) if (Character.isWhitespace(s.charAt(k))) return -1;
    return close + 2;
  }

  /**
   * Ends a mailbox at a comma. Outlook writes "Last, First &lt;a@b&gt;" unquoted: a piece that is only words
   * (no address, no '@') is held back and becomes the start of the next mailbox's name when that one has
   * angle brackets; otherwise it stands alone as before.
   */
  private static void finish(List<Token> box, List<MailAddress> out, List<Token> held) {
    if (box.isEmpty()) {
      flushHeld(held, out);
      return;
    }
    boolean angle = false, at = false, phraseOnly = true;
    for (Token t : box) {
      angle |= t.type == T.ANGLE;
      at |= t.type != T.COMMENT && t.text.indexOf('@') >= 0;
      phraseOnly &= t.type == T.ATOM || t.type == T.QUOTED;
    }
    if (angle && !held.isEmpty()) {
      List<Token> merged = new ArrayList<>(held);
      merged.add(new Token(T.ATOM, ",", false));
      merged.addAll(box);
      held.clear();
      box.clear();
      box.addAll(merged);
    } else {
      flushHeld(held, out);
      if (!angle && !at && phraseOnly) {
        held.addAll(box);
        box.clear();
        return;
      }
    }
    MailAddress a = mailbox(box);
    box.clear();
    if (a != null) out.add(a);
  }

  private static void flushHeld(List<Token> held, List<MailAddress> out) {
    if (held.isEmpty()) return;
    MailAddress a = mailbox(held);
    held.clear();
    if (a != null) out.add(a);
  }

  private static MailAddress mailbox(List<Token> box) {
    int angle = -1;
    for (int k = 0; k < box.size(); k++) if (box.get(k).type == T.ANGLE) angle = k;
    StringBuilder phrase = new StringBuilder();
    StringBuilder comments = new StringBuilder();
    String address = null;
    if (angle >= 0) {
      address = routeless(box.get(angle).text);
      for (int k = 0; k < box.size(); k++) {
        Token t = box.get(k);
        if (t.type == T.COMMENT) append(comments, t.text, true);
        else if (k < angle && t.type != T.ANGLE) append(phrase, t.text, t.spaceBefore);
      }
    } else {
      // No angle brackets: the address is the token with '@' (or the atoms joined when split around '@').
      int at = -1;
      for (int k = 0; k < box.size(); k++) {
        Token t = box.get(k);
        if (t.type != T.COMMENT && t.text.indexOf('@') >= 0 && t.text.indexOf(' ') < 0) {
          at = k;
          break;
        }
      }
      if (at >= 0) {
        int from = at, to = at; // join "john . doe @ example.com" style pieces written without quotes
        while (from > 0 && box.get(from - 1).type != T.COMMENT && !box.get(from).spaceBefore) from--;
        while (to + 1 < box.size() && box.get(to + 1).type == T.ATOM && !box.get(to + 1).spaceBefore) to++;
        StringBuilder addr = new StringBuilder();
        for (int k = from; k <= to; k++) {
          Token t = box.get(k);
          if (t.type == T.QUOTED && k < at) addr.append('"').append(t.text).append('"'); // quoted local part
          else addr.append(t.text);
        }
        address = addr.toString();
        for (int k = 0; k < box.size(); k++) {
          Token t = box.get(k);
          if (t.type == T.COMMENT) append(comments, t.text, true);
          else if (k < from || k > to) append(phrase, t.text, t.spaceBefore);
        }
      } else {
        StringBuilder addr = new StringBuilder();
        for (Token t : box) {
          if (t.type == T.COMMENT) append(comments, t.text, true);
          else append(addr, t.text, t.spaceBefore);
        }
        address = addr.toString();
      }
    }
    String name = phrase.isEmpty() ? comments.toString() : phrase.toString();
    name = HeaderText.decode(name);
    if (address != null) {
      address = address.strip();
      if (address.regionMatches(true, 0, "mailto:", 0, 7)) address = address.substring(7);
      if (address.length() > 1 && address.charAt(0) == '\'' && address.charAt(address.length() - 1) == '\'') {
        address = address.substring(1, address.length() - 1);
      }
      if (address.contains("=?")) address = HeaderText.decode(address);
    }
    if ((address == null || address.isBlank()) && (name == null || name.isBlank())) return null;
    return new MailAddress(address, name);
  }

  /** Drops an obsolete source route ("@a,@b:user@host") and white space inside angle brackets. */
  private static String routeless(String a) {
    String t = a.strip();
    for (int i = 0; i < t.length(); i++) {
      if (Character.isWhitespace(t.charAt(i))) { // "d@\r\n example.com" folded inside the brackets
        StringBuilder sb = new StringBuilder(t.length());
        for (int k = 0; k < t.length(); k++) if (!Character.isWhitespace(t.charAt(k))) sb.append(t.charAt(k));
        t = sb.toString();
        break;
      }
    }
    if (t.startsWith("@")) {
      int colon = t.indexOf(':');
      if (colon > 0) t = t.substring(colon + 1);
    }
    return t;
  }

  private static void append(StringBuilder sb, String text, boolean space) {
    if (text.isEmpty()) return;
    if (!sb.isEmpty() && space) sb.append(' ');
    sb.append(text);
  }
}
