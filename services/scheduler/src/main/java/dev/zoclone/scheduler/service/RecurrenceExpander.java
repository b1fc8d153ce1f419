package dev.zoclone.scheduler.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a {@link Recurrence} into zoned occurrences, boundedly.
 *
 * <p>The rule is expanded in floating local time ({@link LocalInstances}), so DAILY and longer
 * frequencies keep their wall-clock time across DST changes; each local time is then placed in the
 * zone the way RFC 5545 §3.3.5 says: a time in a spring-forward gap moves forward by the length of
 * the gap, an ambiguous fall-back time means its first occurrence. Instants that coincide after
 * that shift (sub-daily rules in the gap) are emitted once, and COUNT counts distinct instants.
 * Every call stops after a fixed number of expansion steps, so no rule can make the service loop.
 *
 * <p>A rule without COUNT skips straight to the requested time. A rule with COUNT must be counted
 * from its start, so callers that expand it repeatedly keep a {@link Checkpoint} (an occurrence and
 * its index) and expansion resumes from there instead of from dtstart.
 */
public final class RecurrenceExpander {
  private final long maxSteps;

  /** An expander that gives up after {@code maxSteps} raw instances per call. */
  public RecurrenceExpander(long maxSteps) {
    this.maxSteps = maxSteps;
  }

  /**
   * One occurrence.
   *
   * @param at where it falls in the zone
   * @param local the rule's local time it came from (before any DST shift)
   * @param index its 1-based position among the rule's distinct instants (exdates included)
   */
  public record Found(ZonedDateTime at, LocalDateTime local, long index) {
    /** A checkpoint at this occurrence. */
    public Checkpoint checkpoint() {
      return new Checkpoint(local, index);
    }
  }

  /**
   * A known occurrence of a COUNT rule, to resume counting from.
   *
   * @param local the rule's local time of the occurrence
   * @param index its 1-based position among the rule's distinct instants
   */
  public record Checkpoint(LocalDateTime local, long index) {}

  /** The first {@code limit} occurrences strictly after {@code after} (null: from dtstart). */
  public List<ZonedDateTime> after(Recurrence recurrence, Instant after, int limit) {
    return zoned(expand(recurrence, null, after, null, limit, true));
  }

  /** Occurrences in ({@code after}, {@code until}], at most {@code limit} of them. */
  public List<ZonedDateTime> between(
      Recurrence recurrence, Instant after, Instant until, int limit) {
    return zoned(expand(recurrence, null, after, until, limit, true));
  }

  /**
   * Like {@link #after}, resuming from {@code checkpoint} (may be null), which must not lie after
   * the first occurrence wanted.
   */
  public List<Found> after(Recurrence recurrence, Checkpoint checkpoint, Instant after, int limit) {
    return expand(recurrence, checkpoint, after, null, limit, true);
  }

  /** Like {@link #between}, resuming from {@code checkpoint} (may be null). */
  public List<Found> between(
      Recurrence recurrence, Checkpoint checkpoint, Instant after, Instant until, int limit) {
    return expand(recurrence, checkpoint, after, until, limit, true);
  }

  /** Refuses a rule that never produces an occurrence, whatever its exdates. */
  public void requireOccurs(Recurrence recurrence) {
    if (expand(recurrence, null, null, null, 1, false).isEmpty()) {
      throw RecurrenceRuleParser.invalid(
          "rrule", "the rule never produces an occurrence (check its BYxxx parts against dtstart)");
    }
  }

  private List<Found> expand(
      Recurrence recurrence,
      Checkpoint checkpoint,
      Instant after,
      Instant until,
      int limit,
      boolean applyExdates) {
    List<Found> found = new ArrayList<>();
    if (limit <= 0) {
      return found;
    }
    ParsedRule rule = recurrence.rule();
    LocalDateTime from = null;
    long index = 0;
    if (rule.count() != null) {
      if (checkpoint != null && checkpoint.local().isAfter(recurrence.dtstart())) {
        from = checkpoint.local();
        index = checkpoint.index() - 1;
      }
    } else if (after != null) {
      // Two days of margin: a local time can move by a DST gap, at most a day in real zones.
      from = LocalDateTime.ofInstant(after, recurrence.zone()).minusDays(2);
    }
    LocalInstances instances = new LocalInstances(rule, recurrence.dtstart(), from, maxSteps);
    Instant last = null;
    for (LocalDateTime local = instances.next(); local != null; local = instances.next()) {
      if (rule.count() != null && from != null && local.isBefore(from)) {
        continue; // BYSETPOS rules restart at the period's beginning: not counted again
      }
      if (rule.untilLocal() != null && local.isAfter(rule.untilLocal())) {
        break;
      }
      ZonedDateTime zoned = ZonedDateTime.ofLocal(local, recurrence.zone(), null);
      Instant instant = zoned.toInstant();
      if (rule.untilUtc() != null && instant.isAfter(rule.untilUtc())
          || until != null && instant.isAfter(until)) {
        break;
      }
      if (last != null && !instant.isAfter(last)) {
        continue; // the same instant as the one before, after a DST shift: not counted
      }
      last = instant;
      index++;
      if (rule.count() != null && index > rule.count()) {
        break;
      }
      if (applyExdates && recurrence.exdates().contains(local)
          || after != null && !instant.isAfter(after)) {
        continue;
      }
      found.add(new Found(zoned, local, index));
      if (found.size() >= limit) {
        break;
      }
    }
    return found;
  }

  private static List<ZonedDateTime> zoned(List<Found> found) {
    return found.stream().map(Found::at).toList();
  }
}
