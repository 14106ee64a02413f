package io.helpdeskmail.mail.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-read common form must give exactly what the lenient pattern gives, for every value. */
class MailDatesCanonicalTest {
  private static final String[] WEEKDAYS = {"", "Mon, ", "Tue,", "mon,  ", "Sun , ", "Thu ", "1Mon, "};
  private static final String[] DAYS = {"2", "02", "31", "0", "123", "7", "29", "30"};
  private static final String[] SEPARATORS = {" ", "  ", "-", "\t", " - "};
  private static final String[] MONTHS = {"Jun", "jun", "JUN", "Feb", "June", "Jun.", "Mär", "Xyz", "De", "Dec"};
  private static final String[] YEARS = {"2014", "14", "99", "114", "20145", "1970", "2024,"};
  private static final String[] TIMES = {"20:00:58", "20:00", "9:05:07", "20:00:5", "20:000", "20:00:580", "24:00:00",
      "23:59:60", "20:00:58.123", "00:00:00"};
  private static final String[] ZONES = {" +0200", " -0700", " +02:00", "+0200", " +9999", " +0260", " GMT", " (CET)",
      " +0200 (CEST)", "", " -0000", " + 0200", "  +1400", " +020", " +02000"};

  @Test
  void parse_shouldGiveWhatThePatternGives_whenValueIsAnyVariantOfTheCommonForm() {
    // GIVEN values built from the common form's pieces and their usual and unusual variants
    Random random = new Random(20261123L);
    for (int i = 0; i < 50_000; i++) {
      String v = pick(random, WEEKDAYS) + pick(random, DAYS) + pick(random, SEPARATORS) + pick(random, MONTHS)
          + pick(random, SEPARATORS) + pick(random, YEARS) + pick(random, SEPARATORS) + pick(random, TIMES)
          + pick(random, ZONES);
      // WHEN read both ways THEN the same instant and offset, or null for both
      assertEquals(MailDates.byPattern(v), MailDates.parse(v), v);
    }
  }

  @Test
  void parse_shouldKeepTheSendersOffset_whenValueIsTheCommonForm() {
    // GIVEN the form nearly every client writes
    String v = "Mon, 2 Jun 2014 20:00:58 +0200";

    // WHEN read
    OffsetDateTime d = MailDates.parse(v);

    // THEN every field, the offset included, is the sender's
    assertEquals(OffsetDateTime.of(2014, 6, 2, 20, 0, 58, 0, ZoneOffset.ofHours(2)), d);
  }

  @Test
  void parse_shouldBeNull_whenCommonFormNamesAnImpossibleDay() {
    assertEquals(null, MailDates.parse("Fri, 31 Feb 2014 20:00:58 +0200"));
  }

  private static String pick(Random random, String[] options) {
    return options[random.nextInt(options.length)];
  }
}
