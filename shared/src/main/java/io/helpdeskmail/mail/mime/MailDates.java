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
