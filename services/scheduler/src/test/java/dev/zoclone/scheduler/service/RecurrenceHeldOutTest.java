package dev.zoclone.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules that once answered wrongly, with the answers RFC 5545 (and python-dateutil) give. */
class RecurrenceHeldOutTest {
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

  private final RecurrenceExpander expander = new RecurrenceExpander(1_000_000);

  private List<String> locals(String rrule, String dtstart, String tz, int n) {
    return expander.after(Recurrence.of(rrule, dtstart, tz, List.of()), null, n).stream()
        .map(z -> MINUTES.format(z.toLocalDateTime()))
        .toList();
  }

  private List<String> utc(String rrule, String dtstart, String tz, int n) {
    return expander.after(Recurrence.of(rrule, dtstart, tz, List.of()), null, n).stream()
        .map(ZonedDateTime::toInstant)
        .map(Object::toString)
        .toList();
  }

  @Test
  void weekNumberFiftyThreeOccursOnlyInYearsThatHaveAnIsoWeekFiftyThree() {
    assertThat(locals("FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO", "2020-01-01T09:00", "UTC", 5))
        .containsExactly(
            "2020-12-28T09:00",
            "2026-12-28T09:00",
            "2032-12-27T09:00",
            "2037-12-28T09:00",
            "2043-12-28T09:00");
  }

  @Test
  void yearlyWithMonthDayHourAndSetPositionPicksWithinEachYear() {
    assertThat(
            locals(
                "FREQ=YEARLY;BYMONTHDAY=1,15;BYHOUR=9,17;BYSETPOS=-1;COUNT=4",
                "2026-01-01T09:00",
                "UTC",
                10))
        .containsExactly(
            "2026-12-15T17:00", "2027-12-15T17:00", "2028-12-15T17:00", "2029-12-15T17:00");
    assertThat(
            locals("FREQ=YEARLY;BYMONTHDAY=13;BYHOUR=8;BYSETPOS=2", "2026-01-01T08:00", "UTC", 3))
        .containsExactly("2026-02-13T08:00", "2027-02-13T08:00", "2028-02-13T08:00");
  }

  @Test
  void hourlyCountAcrossTheSpringGapGivesCountDistinctInstants() {
    assertThat(utc("FREQ=HOURLY;COUNT=5", "2026-03-08T00:00", "America/New_York", 10))
        .containsExactly(
            "2026-03-08T05:00:00Z",
            "2026-03-08T06:00:00Z",
            "2026-03-08T07:00:00Z",
            "2026-03-08T08:00:00Z",
            "2026-03-08T09:00:00Z");
  }
}
