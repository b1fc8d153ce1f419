package dev.zoclone.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rejection names the part at fault. */
class RecurrenceValidationTest {
  private final RecurrenceExpander expander = new RecurrenceExpander(1_000_000);

  private InvalidRecurrenceException rejection(String rrule, String tzid) {
    return catchThrowableOfType(
        InvalidRecurrenceException.class,
        () -> expander.requireOccurs(Recurrence.of(rrule, "2026-01-01T09:00", tzid, List.of())));
  }

  private String rejectedPart(String rrule) {
    InvalidRecurrenceException e = rejection(rrule, "Europe/Berlin");
    assertThat(e).as("rejection of %s", rrule).isNotNull();
    return e.part();
  }

  @Test
  void unknownFrequencyAndUnknownPartsAreNamed() {
    assertThat(rejectedPart("FREQ=FORTNIGHTLY")).isEqualTo("FREQ");
    assertThat(rejection("FREQ=FORTNIGHTLY", "UTC").getMessage()).contains("FORTNIGHTLY", "DAILY");
    assertThat(rejectedPart("FREQ=DAILY;BYFORTNIGHT=1")).isEqualTo("BYFORTNIGHT");
    assertThat(rejectedPart("BYHOUR=9")).isEqualTo("FREQ");
    assertThat(rejectedPart("FREQ=DAILY;FREQ=WEEKLY")).isEqualTo("FREQ");
  }

  @Test
  void valuesOutOfRangeAreNamed() {
    assertThat(rejectedPart("FREQ=MONTHLY;BYMONTHDAY=32")).isEqualTo("BYMONTHDAY");
    assertThat(rejectedPart("FREQ=MONTHLY;BYMONTHDAY=0")).isEqualTo("BYMONTHDAY");
    assertThat(rejectedPart("FREQ=DAILY;BYHOUR=24")).isEqualTo("BYHOUR");
    assertThat(rejectedPart("FREQ=DAILY;BYMINUTE=-1")).isEqualTo("BYMINUTE");
    assertThat(rejectedPart("FREQ=DAILY;BYSECOND=61")).isEqualTo("BYSECOND");
    assertThat(rejectedPart("FREQ=YEARLY;BYMONTH=13")).isEqualTo("BYMONTH");
    assertThat(rejectedPart("FREQ=YEARLY;BYYEARDAY=367")).isEqualTo("BYYEARDAY");
    assertThat(rejectedPart("FREQ=YEARLY;BYWEEKNO=54")).isEqualTo("BYWEEKNO");
    assertThat(rejectedPart("FREQ=MONTHLY;BYDAY=6MO")).isEqualTo("BYDAY");
    assertThat(rejectedPart("FREQ=MONTHLY;BYDAY=XX")).isEqualTo("BYDAY");
    assertThat(rejectedPart("FREQ=DAILY;INTERVAL=0")).isEqualTo("INTERVAL");
    assertThat(rejectedPart("FREQ=DAILY;COUNT=-3")).isEqualTo("COUNT");
    assertThat(rejectedPart("FREQ=DAILY;WKST=XY")).isEqualTo("WKST");
    assertThat(rejectedPart("FREQ=DAILY;UNTIL=2026-13-01")).isEqualTo("UNTIL");
  }

  @Test
  void partsNotAllowedWithTheFrequencyAreNamed() {
    assertThat(rejectedPart("FREQ=WEEKLY;BYDAY=2MO")).isEqualTo("BYDAY");
    assertThat(rejectedPart("FREQ=WEEKLY;BYMONTHDAY=1")).isEqualTo("BYMONTHDAY");
    assertThat(rejectedPart("FREQ=MONTHLY;BYYEARDAY=1")).isEqualTo("BYYEARDAY");
    assertThat(rejectedPart("FREQ=MONTHLY;BYWEEKNO=1")).isEqualTo("BYWEEKNO");
  }

  @Test
  void countTogetherWithUntilIsRefused() {
    InvalidRecurrenceException e = rejection("FREQ=DAILY;COUNT=3;UNTIL=20270101T000000Z", "UTC");
    assertThat(e.part()).isEqualTo("COUNT");
    assertThat(e.getMessage()).contains("COUNT and UNTIL");
  }

  @Test
  void bySetPosWithoutAnotherByPartIsRefused() {
    InvalidRecurrenceException e = rejection("FREQ=MONTHLY;BYSETPOS=-1", "UTC");
    assertThat(e.part()).isEqualTo("BYSETPOS");
    assertThat(e.getMessage()).contains("another BYxxx");
  }

  @Test
  void unknownTimeZoneIsRefused() {
    InvalidRecurrenceException e = rejection("FREQ=DAILY", "Mars/Olympus_Mons");
    assertThat(e.field()).isEqualTo("tzid");
    assertThat(e.getMessage()).contains("Mars/Olympus_Mons");
    assertThat(rejection("FREQ=DAILY", "+02:00").field()).isEqualTo("tzid");
  }

  @Test
  void ruleThatCanNeverOccurIsRefused() {
    InvalidRecurrenceException e = rejection("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "UTC");
    assertThat(e.part()).isEqualTo("rrule");
    assertThat(e.getMessage()).contains("never");
    assertThat(rejectedPart("FREQ=DAILY;UNTIL=20200101T000000Z")).isEqualTo("UNTIL");
  }

  @Test
  void malformedDtstartAndExdatesNameTheirField() {
    assertThatThrownBy(() -> Recurrence.of("FREQ=DAILY", "tomorrow", "UTC", List.of()))
        .isInstanceOfSatisfying(
            InvalidRecurrenceException.class, e -> assertThat(e.field()).isEqualTo("dtstart"));
    assertThatThrownBy(() -> Recurrence.of("FREQ=DAILY", "2026-01-01T09:00", "UTC", List.of("x")))
        .isInstanceOfSatisfying(
            InvalidRecurrenceException.class, e -> assertThat(e.field()).isEqualTo("exdates"));
  }

  @Test
  void prefixAndLowerCaseAreAcceptedAndNormalized() {
    Recurrence r = Recurrence.of("rrule:freq=weekly;byday=mo,fr", "2026-01-01T09:00", "UTC", null);
    assertThat(r.rule().normalized()).isEqualTo("FREQ=WEEKLY;BYDAY=MO,FR");
  }
}
