package dev.zoclone.scheduler.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A validated RRULE value.
 *
 * @param normalized the rule as stored and shown: upper case, parts in a fixed order
 * @param expandParts the parts handed to the expansion library, in order: all but UNTIL, COUNT and
 *     BYSETPOS, which the expander applies itself (against real instants, distinct instants and
 *     whole periods respectively)
 * @param freq the frequency
 * @param count COUNT, or null
 * @param untilUtc UNTIL when written in UTC ({@code ...Z}), else null
 * @param untilLocal UNTIL when written as a floating local date(-time), else null
 * @param bySetPos BYSETPOS values, empty when absent
 * @param byWeekNo BYWEEKNO values, empty when absent
 * @param wkst the week start (WKST, Monday by default)
 */
public record ParsedRule(
    String normalized,
    Map<String, String> expandParts,
    Frequency freq,
    Integer count,
    Instant untilUtc,
    LocalDateTime untilLocal,
    List<Integer> bySetPos,
    List<Integer> byWeekNo,
    DayOfWeek wkst) {

  public ParsedRule {
    expandParts = new LinkedHashMap<>(expandParts);
    bySetPos = List.copyOf(bySetPos);
    byWeekNo = List.copyOf(byWeekNo);
  }

  @Override
  public Map<String, String> expandParts() {
    return new LinkedHashMap<>(expandParts);
  }

  /** The rule handed to the expansion library. */
  public String expandable() {
    return expandable(expandParts);
  }

  /** {@code parts} written as an RRULE value. */
  static String expandable(Map<String, String> parts) {
    return parts.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(";"));
  }

  /** FREQ values, shortest first. */
  public enum Frequency {
    SECONDLY,
    MINUTELY,
    HOURLY,
    DAILY,
    WEEKLY,
    MONTHLY,
    YEARLY;

    /** Whether occurrences can be less than a day apart. */
    public boolean subDaily() {
      return compareTo(DAILY) < 0;
    }
  }
}
