package dev.zoclone.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5545 §3.8.5.3 worked examples, DST placement and bounds of the expander. */
class RecurrenceExpanderTest {
  private static final String NEW_YORK = "America/New_York";
  private static final String BERLIN = "Europe/Berlin";
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

  private final RecurrenceExpander expander = new RecurrenceExpander(1_000_000);

  private List<ZonedDateTime> expand(
      String rrule, String dtstart, String tz, List<String> exdates, int n) {
    return expander.after(Recurrence.of(rrule, dtstart, tz, exdates), null, n);
  }

  private List<String> locals(String rrule, String dtstart, int n) {
    return expand(rrule, dtstart, NEW_YORK, List.of(), n).stream()
        .map(z -> MINUTES.format(z.toLocalDateTime()))
        .toList();
  }

  private List<String> utc(String rrule, String dtstart, String tz, int n) {
    return expand(rrule, dtstart, tz, List.of(), n).stream()
        .map(z -> z.toInstant().toString())
        .toList();
  }

  @Test
  void dailyForTenOccurrences() {
    assertThat(locals("RRULE:FREQ=DAILY;COUNT=10", "1997-09-02T09:00", 100))
        .hasSize(10)
        .startsWith("1997-09-02T09:00", "1997-09-03T09:00")
        .endsWith("1997-09-11T09:00");
  }

  @Test
  void dailyUntilDecember24KeepsNineOClockAcrossTheFallBack() {
    List<ZonedDateTime> all =
        expand("FREQ=DAILY;UNTIL=19971224T000000Z", "1997-09-02T09:00", NEW_YORK, List.of(), 500);
    assertThat(all).hasSize(113);
    assertThat(all).allMatch(z -> z.getHour() == 9);
    assertThat(all.get(0).toInstant()).isEqualTo(Instant.parse("1997-09-02T13:00:00Z"));
    assertThat(all.get(all.size() - 1).toInstant())
        .isEqualTo(Instant.parse("1997-12-23T14:00:00Z"));
  }

  @Test
  void everyOtherDayAndEveryTenDays() {
    assertThat(locals("FREQ=DAILY;INTERVAL=2", "1997-09-02T09:00", 3))
        .containsExactly("1997-09-02T09:00", "1997-09-04T09:00", "1997-09-06T09:00");
    assertThat(locals("FREQ=DAILY;INTERVAL=10;COUNT=5", "1997-09-02T09:00", 10))
        .containsExactly(
            "1997-09-02T09:00",
            "1997-09-12T09:00",
            "1997-09-22T09:00",
            "1997-10-02T09:00",
            "1997-10-12T09:00");
  }

  @Test
  void everyDayInJanuaryForThreeYears() {
    List<String> days =
        locals(
            "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA",
            "1998-01-01T09:00",
            500);
    assertThat(days).hasSize(93).startsWith("1998-01-01T09:00").endsWith("2000-01-31T09:00");
  }

  @Test
  void everyOtherWeekOnMondayWednesdayFridayUntilDecember24() {
    assertThat(
            locals(
                "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR",
                "1997-09-01T09:00",
                100))
        .hasSize(25)
        .startsWith("1997-09-01T09:00", "1997-09-03T09:00", "1997-09-05T09:00", "1997-09-15T09:00")
        .endsWith("1997-12-10T09:00", "1997-12-12T09:00", "1997-12-22T09:00");
  }

  @Test
  void monthlyOnTheFirstFridayAndOnFirstAndLastSunday() {
    assertThat(locals("FREQ=MONTHLY;COUNT=10;BYDAY=1FR", "1997-09-05T09:00", 20))
        .containsExactly(
            "1997-09-05T09:00",
            "1997-10-03T09:00",
            "1997-11-07T09:00",
            "1997-12-05T09:00",
            "1998-01-02T09:00",
            "1998-02-06T09:00",
            "1998-03-06T09:00",
            "1998-04-03T09:00",
            "1998-05-01T09:00",
            "1998-06-05T09:00");
    assertThat(locals("FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", "1997-09-07T09:00", 20))
        .containsExactly(
            "1997-09-07T09:00",
            "1997-09-28T09:00",
            "1997-11-02T09:00",
            "1997-11-30T09:00",
            "1998-01-04T09:00",
            "1998-01-25T09:00",
            "1998-03-01T09:00",
            "1998-03-29T09:00",
            "1998-05-03T09:00",
            "1998-05-31T09:00");
  }

  @Test
  void thirdToLastDayOfTheMonth() {
    assertThat(locals("FREQ=MONTHLY;BYMONTHDAY=-3", "1997-09-28T09:00", 6))
        .containsExactly(
            "1997-09-28T09:00",
            "1997-10-29T09:00",
            "1997-11-28T09:00",
            "1997-12-29T09:00",
            "1998-01-29T09:00",
            "1998-02-26T09:00");
  }

  @Test
  void everyFridayTheThirteenthWithTheStartExcluded() {
    List<ZonedDateTime> fridays =
        expand(
            "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
            "1997-09-02T09:00",
            NEW_YORK,
            List.of("1997-09-02T09:00:00"),
            5);
    assertThat(fridays.stream().map(z -> MINUTES.format(z.toLocalDateTime())))
        .containsExactly(
            "1998-02-13T09:00",
            "1998-03-13T09:00",
            "1998-11-13T09:00",
            "1999-08-13T09:00",
            "2000-10-13T09:00");
  }

  @Test
  void yearlyByWeekdayOrdinalWeekNumberAndMonth() {
    assertThat(locals("FREQ=YEARLY;BYDAY=20MO", "1997-05-19T09:00", 3))
        .containsExactly("1997-05-19T09:00", "1998-05-18T09:00", "1999-05-17T09:00");
    assertThat(locals("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", "1997-05-12T09:00", 3))
        .containsExactly("1997-05-12T09:00", "1998-05-11T09:00", "1999-05-17T09:00");
    assertThat(locals("FREQ=YEARLY;BYMONTH=3;BYDAY=TH", "1997-03-13T09:00", 7))
        .containsExactly(
            "1997-03-13T09:00",
            "1997-03-20T09:00",
            "1997-03-27T09:00",
            "1998-03-05T09:00",
            "1998-03-12T09:00",
            "1998-03-19T09:00",
            "1998-03-26T09:00");
    assertThat(locals("FREQ=YEARLY;COUNT=10;BYMONTH=6,7", "1997-06-10T09:00", 20))
        .hasSize(10)
        .startsWith("1997-06-10T09:00", "1997-07-10T09:00")
        .endsWith("2001-07-10T09:00");
  }

  @Test
  void everyThirdYearOnYearDays() {
    assertThat(
            locals("FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200", "1997-01-01T09:00", 20))
        .containsExactly(
            "1997-01-01T09:00",
            "1997-04-10T09:00",
            "1997-07-19T09:00",
            "2000-01-01T09:00",
            "2000-04-09T09:00",
            "2000-07-18T09:00",
            "2003-01-01T09:00",
            "2003-04-10T09:00",
            "2003-07-19T09:00",
            "2006-01-01T09:00");
  }

  @Test
  void usPresidentialElectionDay() {
    assertThat(
            locals(
                "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8",
                "1996-11-05T09:00",
                3))
        .containsExactly("1996-11-05T09:00", "2000-11-07T09:00", "2004-11-02T09:00");
  }

  @Test
  void bySetPosPicksThePositionWithinEachPeriod() {
    assertThat(locals("FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", "1997-09-04T09:00", 10))
        .containsExactly("1997-09-04T09:00", "1997-10-07T09:00", "1997-11-06T09:00");
    assertThat(locals("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", "1997-09-29T09:00", 7))
        .containsExactly(
            "1997-09-29T09:00",
            "1997-10-30T09:00",
            "1997-11-27T09:00",
            "1997-12-30T09:00",
            "1998-01-29T09:00",
            "1998-02-26T09:00",
            "1998-03-30T09:00");
  }

  @Test
  void minutelyAndDailyWithHourAndMinuteLists() {
    assertThat(locals("FREQ=MINUTELY;INTERVAL=15;COUNT=6", "1997-09-02T09:00", 10))
        .containsExactly(
            "1997-09-02T09:00",
            "1997-09-02T09:15",
            "1997-09-02T09:30",
            "1997-09-02T09:45",
            "1997-09-02T10:00",
            "1997-09-02T10:15");
    List<String> daily =
        locals("FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40", "1997-09-02T09:00", 25);
    List<String> minutely =
        locals("FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16", "1997-09-02T09:00", 25);
    assertThat(daily).isEqualTo(minutely);
    assertThat(daily.get(23)).isEqualTo("1997-09-02T16:40");
    assertThat(daily.get(24)).isEqualTo("1997-09-03T09:00");
  }

  @Test
  void weekStartChangesWhichDaysFallInEachOtherWeek() {
    assertThat(locals("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", "1997-08-05T09:00", 10))
        .containsExactly(
            "1997-08-05T09:00", "1997-08-10T09:00", "1997-08-19T09:00", "1997-08-24T09:00");
    assertThat(locals("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", "1997-08-05T09:00", 10))
        .containsExactly(
            "1997-08-05T09:00", "1997-08-17T09:00", "1997-08-19T09:00", "1997-08-31T09:00");
  }

  @Test
  void invalidDatesLikeFebruaryThirtiethAreIgnored() {
    assertThat(locals("FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5", "2007-01-15T09:00", 10))
        .containsExactly(
            "2007-01-15T09:00",
            "2007-01-30T09:00",
            "2007-02-15T09:00",
            "2007-03-15T09:00",
            "2007-03-30T09:00");
  }

  @Test
  void newYorkDailyKeepsWallClockAcrossSpringForward() {
    assertThat(utc("FREQ=DAILY;COUNT=3", "2026-03-07T09:00", NEW_YORK, 5))
        .containsExactly("2026-03-07T14:00:00Z", "2026-03-08T13:00:00Z", "2026-03-09T13:00:00Z");
  }

  @Test
  void newYorkTimeInTheSpringGapMovesForwardByTheGap() {
    List<ZonedDateTime> runs =
        expand("FREQ=DAILY;COUNT=3", "2026-03-07T02:30", NEW_YORK, List.of(), 5);
    assertThat(runs.stream().map(z -> MINUTES.format(z.toLocalDateTime())))
        .containsExactly("2026-03-07T02:30", "2026-03-08T03:30", "2026-03-09T02:30");
    assertThat(runs.get(1).toInstant()).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
  }

  @Test
  void newYorkAmbiguousFallBackTimeMeansTheFirstOne() {
    assertThat(utc("FREQ=DAILY;COUNT=3", "2026-10-31T01:30", NEW_YORK, 5))
        .containsExactly("2026-10-31T05:30:00Z", "2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z");
  }

  @Test
  void berlinGapOverlapAndWeeklyWallClock() {
    assertThat(utc("FREQ=DAILY;COUNT=2", "2026-03-28T02:30", BERLIN, 5))
        .containsExactly("2026-03-28T01:30:00Z", "2026-03-29T01:30:00Z");
    assertThat(utc("FREQ=DAILY;COUNT=2", "2026-10-24T02:30", BERLIN, 5))
        .containsExactly("2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z");
    assertThat(utc("FREQ=WEEKLY;BYDAY=MO", "2026-03-23T09:00", BERLIN, 2))
        .containsExactly("2026-03-23T08:00:00Z", "2026-03-30T07:00:00Z");
  }

  @Test
  void hourlyAcrossTheSpringGapFiresEachRealHourOnce() {
    assertThat(utc("FREQ=HOURLY", "2026-03-08T00:00", NEW_YORK, 5))
        .containsExactly(
            "2026-03-08T05:00:00Z",
            "2026-03-08T06:00:00Z",
            "2026-03-08T07:00:00Z",
            "2026-03-08T08:00:00Z",
            "2026-03-08T09:00:00Z");
  }

  @Test
  void fridayTheThirteenthsOf2026InBerlin() {
    assertThat(
            expand("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "2026-01-01T09:00", BERLIN, List.of(), 5)
                .stream()
                .map(z -> MINUTES.format(z.toLocalDateTime())))
        .containsExactly(
            "2026-02-13T09:00",
            "2026-03-13T09:00",
            "2026-11-13T09:00",
            "2027-08-13T09:00",
            "2028-10-13T09:00");
  }

  @Test
  void afterSkipsToTheFutureWithoutExpandingTheWholePast() {
    RecurrenceExpander tight = new RecurrenceExpander(10_000);
    Recurrence minutely = Recurrence.of("FREQ=MINUTELY", "2000-01-01T00:00", "UTC", List.of());
    assertThat(tight.after(minutely, Instant.parse("2026-05-01T10:00:30Z"), 2))
        .extracting(z -> z.toInstant().toString())
        .containsExactly("2026-05-01T10:01:00Z", "2026-05-01T10:02:00Z");
  }

  @Test
  void expansionThatWouldTakeTooLongIsRefusedNotLooped() {
    RecurrenceExpander tight = new RecurrenceExpander(10_000);
    Recurrence counted =
        Recurrence.of("FREQ=MINUTELY;COUNT=900000", "2000-01-01T00:00", "UTC", List.of());
    assertThatThrownBy(() -> tight.after(counted, Instant.parse("2026-01-01T00:00:00Z"), 1))
        .isInstanceOf(InvalidRecurrenceException.class)
        .hasMessageContaining("more than 10000 steps");
  }

  @Test
  void aCountRuleResumesFromACheckpointInsteadOfCountingFromItsStart() {
    Recurrence counted =
        Recurrence.of("FREQ=MINUTELY;COUNT=900000", "2025-01-01T00:00", "UTC", List.of());
    Instant after = Instant.parse("2025-12-01T00:00:30Z");
    List<RecurrenceExpander.Found> full = expander.after(counted, null, after, 3);
    assertThat(full.get(0).index()).isEqualTo(334 * 24 * 60 + 2);
    RecurrenceExpander tight = new RecurrenceExpander(10);
    assertThatThrownBy(() -> tight.after(counted, null, after, 3))
        .isInstanceOf(InvalidRecurrenceException.class);
    assertThat(tight.after(counted, full.get(0).checkpoint(), after, 3)).isEqualTo(full);

    RecurrenceExpander.Checkpoint nearEnd =
        new RecurrenceExpander.Checkpoint(
            java.time.LocalDateTime.parse("2025-01-01T00:00").plusMinutes(899_998), 899_999);
    assertThat(tight.after(counted, nearEnd, null, 5))
        .extracting(RecurrenceExpander.Found::index)
        .containsExactly(899_999L, 900_000L);
  }

  @Test
  void aSetPositionCountRuleResumesFromACheckpoint() {
    Recurrence lastWorkday =
        Recurrence.of(
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=30",
            "2026-01-01T09:00",
            BERLIN,
            List.of());
    List<RecurrenceExpander.Found> all = expander.after(lastWorkday, null, null, 40);
    assertThat(all).hasSize(30);
    RecurrenceExpander.Found tenth = all.get(9);
    assertThat(
            new RecurrenceExpander(1000)
                .after(lastWorkday, tenth.checkpoint(), tenth.at().toInstant().minusSeconds(1), 40))
        .isEqualTo(all.subList(9, 30));
  }

  @Test
  void exdatesRemoveOccurrencesButCountStillCountsThem() {
    assertThat(
            expand(
                    "FREQ=DAILY;COUNT=3",
                    "2026-01-01T09:00",
                    BERLIN,
                    List.of("2026-01-02T09:00"),
                    10)
                .stream()
                .map(z -> MINUTES.format(z.toLocalDateTime())))
        .containsExactly("2026-01-01T09:00", "2026-01-03T09:00");
  }
}
