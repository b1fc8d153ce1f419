package dev.zoclone.scheduler.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * Expands a {@link Recurrence} into zoned occurrences, boundedly.
 *
 * <p>The rule is expanded in floating local time (lib-recur), so DAILY and longer frequencies keep
 * their wall-clock time across DST changes; each local time is then placed in the zone the way RFC
 * 5545 §3.3.5 says: a time in a spring-forward gap moves forward by the length of the gap, an
 * ambiguous fall-back time means its first occurrence. Instants that coincide after that shift
 * (sub-daily rules in the gap) are emitted once. Every call stops after a fixed number of expansion
 * steps, so no rule can make the service loop.
 */
public final class RecurrenceExpander {
  private final long maxSteps;

  /** An expander that gives up after {@code maxSteps} raw instances per call. */
  public RecurrenceExpander(long maxSteps) {
    this.maxSteps = maxSteps;
  }

  /** The first {@code limit} occurrences strictly after {@code after} (null: from dtstart). */
  public List<ZonedDateTime> after(Recurrence recurrence, Instant after, int limit) {
    return expand(recurrence, after, null, limit, true);
  }

  /** Occurrences in ({@code after}, {@code until}], at most {@code limit} of them. */
  public List<ZonedDateTime> between(
      Recurrence recurrence, Instant after, Instant until, int limit) {
    return expand(recurrence, after, until, limit, true);
  }

  /** Refuses a rule that never produces an occurrence, whatever its exdates. */
  public void requireOccurs(Recurrence recurrence) {
    if (expand(recurrence, null, null, 1, false).isEmpty()) {
      throw RecurrenceRuleParser.invalid(
          "rrule", "the rule never produces an occurrence (check its BYxxx parts against dtstart)");
    }
  }

  private List<ZonedDateTime> expand(
      Recurrence recurrence, Instant after, Instant until, int limit, boolean applyExdates) {
    List<ZonedDateTime> found = new ArrayList<>();
    if (limit <= 0) {
      return found;
    }
    ParsedRule rule = recurrence.rule();
    try {
      RecurrenceRuleIterator iterator = iterator(recurrence);
      if (after != null && rule.count() == null) {
        // Two days of margin: a local time can move by a DST gap, at most a day in real zones.
        LocalDateTime from = LocalDateTime.ofInstant(after, recurrence.zone()).minusDays(2);
        if (from.isAfter(recurrence.dtstart())) {
          iterator.fastForward(floatingMillis(from));
        }
      }
      Instant last = null;
      long steps = 0;
      while (iterator.hasNext()) {
        if (++steps > maxSteps) {
          throw new InvalidRecurrenceException(
              "rrule",
              "rrule",
              "expanding this rule takes more than "
                  + maxSteps
                  + " steps; use a later dtstart or a sparser rule");
        }
        LocalDateTime local =
            LocalDateTime.ofEpochSecond(iterator.nextMillis() / 1000, 0, ZoneOffset.UTC);
        if (rule.untilLocal() != null && local.isAfter(rule.untilLocal())) {
          break;
        }
        ZonedDateTime zoned = ZonedDateTime.ofLocal(local, recurrence.zone(), null);
        Instant instant = zoned.toInstant();
        if (rule.untilUtc() != null && instant.isAfter(rule.untilUtc())
            || until != null && instant.isAfter(until)) {
          break;
        }
        boolean duplicate = last != null && !instant.isAfter(last);
        last = instant;
        if (duplicate
            || applyExdates && recurrence.exdates().contains(local)
            || after != null && !instant.isAfter(after)) {
          continue;
        }
        found.add(zoned);
        if (found.size() >= limit) {
          break;
        }
      }
    } catch (IllegalArgumentException e) {
      // lib-recur gives up after thousands of empty periods: the rule has no (more) instances.
      return found;
    }
    return found;
  }

  private static RecurrenceRuleIterator iterator(Recurrence recurrence) {
    try {
      RecurrenceRule rule =
          new RecurrenceRule(recurrence.rule().expandable(), RecurrenceRule.RfcMode.RFC5545_STRICT);
      return rule.iterator(
          new DateTime((java.util.TimeZone) null, floatingMillis(recurrence.dtstart())));
    } catch (InvalidRecurrenceRuleException e) {
      throw RecurrenceRuleParser.invalid("rrule", "the rule cannot be expanded: " + e.getMessage());
    }
  }

  private static long floatingMillis(LocalDateTime local) {
    return local.toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
