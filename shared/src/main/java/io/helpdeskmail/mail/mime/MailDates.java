package io.helpdeskmail.mail.mime;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient RFC 5322 Date parsing that keeps the sender's offset: missing weekday or seconds, two-digit years,
 * obsolete zone names, full month names, ISO-8601 from scripts. Unreadable dates give null, never an error.
 */
public final class MailDates {
  private static final Pattern RFC = Pattern.compile(
      "(\\d{1,2})[\\s-]+([A-Za-z]{3,9})\\.?[\\s-]+(\\d{2,4})[\\s,]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?(?:\\.\\d+)?"
          + "\\s*(?:([+-])\\s?(\\d{2}):?(\\d{2})|\\(?([A-Za-z]{1,5})\\)?)?");
  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*(Z|[+-]\\d{2}:?\\d{2})?");
  private static final Map<String, Integer> ZONES = Map.ofEntries(
      Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0),
      Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5),
      Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7),
      Map.entry("CET", 1), Map.entry("CEST", 2), Map.entry("MET", 1), Map.entry("MEST", 2),
      Map.entry("BST", 1), Map.entry("EET", 2), Map.entry("EEST", 3), Map.entry("JST", 9), Map.entry("IST", 5));
  private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

  private MailDates() {}

  public static OffsetDateTime parse(String v) {
    if (v == null || v.isBlank()) return null;
    try {
      OffsetDateTime c = canonical(v);
      return c != null ? c : byPattern(v);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /**
   * The form nearly every client writes ("Mon, 2 Jun 2014 20:00:58 +0200"), read by hand: the pattern's search
   * cost more than the rest of a message's headers. Gives what {@link #byPattern} gives for such a value (the
   * pattern's first match starts at the day, the first digit); null for anything else, which the pattern reads.
   */
  private static OffsetDateTime canonical(String v) {
    int n = v.length(), i = 0;
    while (i < n && v.charAt(i) == ' ') i++;
    if (i + 4 <= n && isLetter(v.charAt(i)) && isLetter(v.charAt(i + 1)) && isLetter(v.charAt(i + 2))
        && v.charAt(i + 3) == ',') {
      i += 4;
      while (i < n && v.charAt(i) == ' ') i++;
    }
    int dayAt = i;
    while (i < n && i - dayAt < 2 && isDigit(v.charAt(i))) i++;
    if (i == dayAt || i >= n || v.charAt(i) != ' ') return null;
    int day = number(v, dayAt, i);
    while (i < n && v.charAt(i) == ' ') i++;
    if (i + 4 > n || !isLetter(v.charAt(i)) || !isLetter(v.charAt(i + 1)) || !isLetter(v.charAt(i + 2))
        || v.charAt(i + 3) != ' ') return null;
    int month = month(v.substring(i, i + 3));
    if (month < 0) return null;
    i += 3;
    while (i < n && v.charAt(i) == ' ') i++;
    if (!digits(v, i, 4) || i + 4 >= n || v.charAt(i + 4) != ' ') return null;
    int year = number(v, i, i + 4);
    i += 4;
    while (i < n && v.charAt(i) == ' ') i++;
    if (!digits(v, i, 2) || i + 2 >= n || v.charAt(i + 2) != ':' || !digits(v, i + 3, 2)) return null;
    int hour = number(v, i, i + 2), minute = number(v, i + 3, i + 5), sec = 0;
    i += 5;
    if (i < n && v.charAt(i) == ':') {
      if (!digits(v, i + 1, 2) || i + 3 < n && isDigit(v.charAt(i + 3))) return null;
      sec = Math.min(59, number(v, i + 1, i + 3));
      i += 3;
    } else if (i < n && isDigit(v.charAt(i))) {
      return null;
    }
    if (i >= n || v.charAt(i) != ' ') return null;
    while (i < n && v.charAt(i) == ' ') i++;
    if (i + 5 > n || (v.charAt(i) != '+' && v.charAt(i) != '-') || !digits(v, i + 1, 4)) return null;
    int total = (number(v, i + 1, i + 3) * 60 + number(v, i + 3, i + 5)) * 60 * (v.charAt(i) == '-' ? -1 : 1);
    ZoneOffset off = Math.abs(total) <= 18 * 3600 ? ZoneOffset.ofTotalSeconds(total) : ZoneOffset.UTC;
    return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, sec), off);
  }

  private static boolean isLetter(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean digits(String v, int at, int count) {
    if (at + count > v.length()) return false;
    for (int k = at; k < at + count; k++) if (!isDigit(v.charAt(k))) return false;
    return true;
  }

  private static int number(String v, int from, int to) {
    int x = 0;
    for (int k = from; k < to; k++) x = x * 10 + (v.charAt(k) - '0');
    return x;
  }

  /** The lenient reading of every form: RFC 5322 and its obsolete variants first, then ISO 8601. */
  static OffsetDateTime byPattern(String v) {
    if (v == null || v.isBlank()) return null;
    try {
      Matcher m = RFC.matcher(v);
      if (m.find()) {
        int month = month(m.group(2));
        if (month < 0) return null;
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) year += year < 50 ? 2000 : 1900;
        else if (m.group(3).length() == 3) year += 1900;
        int sec = m.group(6) == null ? 0 : Math.min(59, Integer.parseInt(m.group(6)));
        ZoneOffset off = ZoneOffset.UTC;
        if (m.group(7) != null) {
          int h = Integer.parseInt(m.group(8)), mi = Integer.parseInt(m.group(9));
          int total = (h * 60 + mi) * 60 * (m.group(7).equals("-") ? -1 : 1);
          if (Math.abs(total) <= 18 * 3600) off = ZoneOffset.ofTotalSeconds(total);
        } else if (m.group(10) != null) {
          Integer h = ZONES.get(m.group(10).toUpperCase(Locale.ROOT));
          if (h != null) off = ZoneOffset.ofHours(h);
        }
        return OffsetDateTime.of(LocalDateTime.of(year, month, Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), sec), off);
      }
      Matcher i = ISO.matcher(v);
      if (i.find()) {
        ZoneOffset off = i.group(7) == null || i.group(7).equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(
            i.group(7).length() == 5 ? i.group(7).substring(0, 3) + ":" + i.group(7).substring(3) : i.group(7));
        return OffsetDateTime.of(LocalDateTime.of(Integer.parseInt(i.group(1)), Integer.parseInt(i.group(2)),
            Integer.parseInt(i.group(3)), Integer.parseInt(i.group(4)), Integer.parseInt(i.group(5)),
            i.group(6) == null ? 0 : Integer.parseInt(i.group(6))), off);
      }
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static int month(String s) {
    String k = s.toLowerCase(Locale.ROOT);
    if (k.length() < 3) return -1;
    k = k.substring(0, 3);
    for (int i = 0; i < 12; i++) if (MONTHS[i].equals(k)) return i + 1;
    return switch (k) { // a few non-English abbreviations seen from localized clients
      case "mär", "mrz" -> 3;
      case "mai" -> 5;
      case "okt" -> 10;
      case "dez" -> 12;
      default -> -1;
    };
  }
}
