package dev.zoclone.scheduler.service;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A validated RRULE value.
 *
 * @param normalized the rule as stored and shown: upper case, parts in a fixed order
 * @param expandable the rule handed to the expansion library: without UNTIL, which the expander
 *     applies itself against real instants
 * @param freq the frequency
 * @param count COUNT, or null
 * @param untilUtc UNTIL when written in UTC ({@code ...Z}), else null
 * @param untilLocal UNTIL when written as a floating local date(-time), else null
 */
public record ParsedRule(
    String normalized,
    String expandable,
    Frequency freq,
    Integer count,
    Instant untilUtc,
    LocalDateTime untilLocal) {

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
