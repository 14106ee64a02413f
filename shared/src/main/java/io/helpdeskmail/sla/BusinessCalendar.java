package io.helpdeskmail.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a department answers: opening hours per weekday in its time zone, and holidays. SLA timers count business
 * time with it and the acknowledgement picks its "offline" variant outside it (both in later issues); the
 * configuration validates it now so a bad calendar fails at load, not at the first breach.
 */
public record BusinessCalendar(String name, String zoneId, Map<DayOfWeek, List<Hours>> week, Set<LocalDate> holidays) {
  /** One opening span of a day, from inclusive to exclusive. */
  public record Hours(LocalTime from, LocalTime to) {}

  public BusinessCalendar {
    week = Map.copyOf(week);
    holidays = Set.copyOf(holidays);
  }

  /**
   * The time zone. Resolved on use, not at load: java.time's zone provider scans every jar of the classpath for
   * alternatives the first time, about 60 ms of a cold start that only the SLA and acknowledgement code needs.
   */
  public ZoneId zone() {
    return ZoneId.of(zoneId);
  }

  public boolean isOpen(Instant at) {
    ZonedDateTime t = at.atZone(zone());
    if (holidays.contains(t.toLocalDate())) return false;
    for (Hours h : week.getOrDefault(t.getDayOfWeek(), List.of())) {
      LocalTime time = t.toLocalTime();
      if (!time.isBefore(h.from()) && time.isBefore(h.to())) return true;
    }
    return false;
  }
}
