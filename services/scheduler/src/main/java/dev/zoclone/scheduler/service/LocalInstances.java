package dev.zoclone.scheduler.service;

import dev.zoclone.scheduler.service.ParsedRule.Frequency;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * A rule's floating local date-times in order, before COUNT, UNTIL, time zones and exdates.
 *
 * <p>lib-recur expands the BYxxx parts; BYWEEKNO is checked again here (lib-recur yields the last
 * week of years that have no week 53) and BYSETPOS is applied here over each whole period of the
 * frequency (lib-recur applies it per month in YEARLY rules). For BYSETPOS the expansion starts at
 * the beginning of dtstart's period, with dtstart's implicit BYxxx values written out, so positions
 * count the period's instances before dtstart too, as RFC 5545 and python-dateutil do.
 */
final class LocalInstances {
  private final ParsedRule rule;
  private final LocalDateTime dtstart;
  private final long maxSteps;
  private final RecurrenceRuleIterator iterator;
  private final WeekFields weeks;
  private final Deque<LocalDateTime> ready = new ArrayDeque<>();
  private List<Integer> byMonthDay = List.of();
  private LocalDateTime lookahead;
  private int barrenPeriods;
  private long steps;
  private boolean exhausted;

  /** Instances of {@code rule} from {@code dtstart}, skipping quickly to about {@code from}. */
  LocalInstances(ParsedRule rule, LocalDateTime dtstart, LocalDateTime from, long maxSteps) {
    this.rule = rule;
    this.dtstart = dtstart;
    this.maxSteps = maxSteps;
    this.weeks = WeekFields.of(rule.wkst(), 4);
    boolean bySetPos = !rule.bySetPos().isEmpty();
    LocalDateTime start = bySetPos ? periodStart(dtstart) : dtstart;
    Map<String, String> parts = bySetPos ? explicitDefaults(rule, dtstart) : rule.expandParts();
    if (rule.freq() == Frequency.YEARLY
        && parts.containsKey("BYMONTHDAY")
        && !parts.containsKey("BYMONTH")
        && !parts.containsKey("BYWEEKNO")
        && !parts.containsKey("BYYEARDAY")) {
      // RFC 5545 expands a year's BYMONTHDAY in every month; lib-recur in dtstart's month only.
      // With BYDAY (whose numbers count in the year) the month days are checked here instead.
      if (parts.containsKey("BYDAY")) {
        byMonthDay = integerList(parts.remove("BYMONTHDAY"));
      } else {
        parts.put("BYMONTH", "1,2,3,4,5,6,7,8,9,10,11,12");
      }
    }
    this.iterator = iterator(ParsedRule.expandable(parts), start);
    this.exhausted = iterator == null;
    if (from != null && iterator != null) {
      LocalDateTime target = bySetPos ? periodStart(from) : from;
      if (target.isAfter(start)) {
        try {
          iterator.fastForward(millis(target));
        } catch (IllegalArgumentException e) {
          exhausted = true; // lib-recur found no instance in thousands of periods
        }
      }
    }
  }

  /** The next instance, or null when the rule has no more. */
  LocalDateTime next() {
    while (ready.isEmpty() && !exhausted) {
      if (rule.bySetPos().isEmpty()) {
        LocalDateTime raw = raw();
        if (raw == null) {
          exhausted = true;
        } else if (kept(raw)) {
          ready.add(raw);
        }
      } else {
        fillPeriod();
      }
    }
    return ready.poll();
  }

  /** Reads one whole period of instances and keeps those at the BYSETPOS positions. */
  private void fillPeriod() {
    LocalDateTime first = lookahead != null ? lookahead : raw();
    lookahead = null;
    if (first == null) {
      exhausted = true;
      return;
    }
    List<LocalDateTime> period = new ArrayList<>();
    Object key = periodKey(first);
    for (LocalDateTime raw = first; raw != null; raw = raw()) {
      if (!periodKey(raw).equals(key)) {
        lookahead = raw;
        break;
      }
      if (kept(raw)) {
        period.add(raw);
      }
    }
    if (lookahead == null) {
      exhausted = true;
    }
    TreeSet<LocalDateTime> chosen = new TreeSet<>();
    for (int position : rule.bySetPos()) {
      int index = position > 0 ? position - 1 : period.size() + position;
      if (index >= 0 && index < period.size()) {
        chosen.add(period.get(index));
      }
    }
    barrenPeriods = chosen.isEmpty() ? barrenPeriods + 1 : 0;
    if (barrenPeriods > barrenLimit()) {
      exhausted = true; // the periods' pattern has repeated without a position ever matching
    }
    chosen.stream().filter(t -> !t.isBefore(dtstart)).forEach(ready::add);
  }

  private LocalDateTime raw() {
    if (iterator == null) {
      return null;
    }
    try {
      if (!iterator.hasNext()) {
        return null;
      }
      if (++steps > maxSteps) {
        throw new InvalidRecurrenceException(
            "rrule",
            "rrule",
            "expanding this rule takes more than "
                + maxSteps
                + " steps; use a later dtstart or a sparser rule");
      }
      return LocalDateTime.ofEpochSecond(iterator.nextMillis() / 1000, 0, ZoneOffset.UTC);
    } catch (IllegalArgumentException e) {
      // lib-recur gives up after thousands of empty periods: the rule has no (more) instances.
      return null;
    }
  }

  /**
   * Periods in a row from which BYSETPOS may select nothing before the rule is taken to have no
   * more instances: the calendar repeats every 400 years, and days (or shorter periods) of one rule
   * all hold the same set of times.
   */
  private int barrenLimit() {
    return switch (rule.freq()) {
      case YEARLY -> 400;
      case MONTHLY -> 400 * 12;
      case WEEKLY -> 400 * 53;
      default -> 1000;
    };
  }

  /** Whether the instance passes the checks made here rather than by lib-recur. */
  private boolean kept(LocalDateTime raw) {
    return inWeeks(raw) && inMonthDays(raw.toLocalDate());
  }

  private boolean inMonthDays(LocalDate date) {
    if (byMonthDay.isEmpty()) {
      return true;
    }
    int day = date.getDayOfMonth();
    int length = date.lengthOfMonth();
    return byMonthDay.stream().anyMatch(n -> n > 0 ? day == n : day == length + 1 + n);
  }

  private static List<Integer> integerList(String value) {
    return Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
  }

  /**
   * Whether the instance lies in a week BYWEEKNO names (weeks start on WKST, week 1 has 4 days).
   */
  private boolean inWeeks(LocalDateTime raw) {
    if (rule.byWeekNo().isEmpty()) {
      return true;
    }
    LocalDate date = raw.toLocalDate();
    int week = date.get(weeks.weekOfWeekBasedYear());
    long weeksInYear = date.range(weeks.weekOfWeekBasedYear()).getMaximum();
    return rule.byWeekNo().stream().anyMatch(n -> n > 0 ? week == n : week == weeksInYear + 1 + n);
  }

  /** Identifies the period of the rule's frequency that {@code t} lies in. */
  private Object periodKey(LocalDateTime t) {
    return switch (rule.freq()) {
      case YEARLY ->
          rule.byWeekNo().isEmpty() ? t.getYear() : t.toLocalDate().get(weeks.weekBasedYear());
      case MONTHLY -> t.getYear() * 12 + t.getMonthValue();
      default -> periodStart(t);
    };
  }

  private LocalDateTime periodStart(LocalDateTime t) {
    LocalDate day = t.toLocalDate();
    return switch (rule.freq()) {
      case YEARLY -> day.withDayOfYear(1).atStartOfDay();
      case MONTHLY -> day.withDayOfMonth(1).atStartOfDay();
      case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(rule.wkst())).atStartOfDay();
      case DAILY -> day.atStartOfDay();
      case HOURLY -> t.truncatedTo(ChronoUnit.HOURS);
      case MINUTELY -> t.truncatedTo(ChronoUnit.MINUTES);
      case SECONDLY -> t.truncatedTo(ChronoUnit.SECONDS);
    };
  }

  /**
   * The rule with the values it takes from dtstart written out (RFC 5545 §3.3.10: a missing BYxxx
   * part of a larger unit than FREQ comes from DTSTART), so it expands alike from another start.
   */
  private static Map<String, String> explicitDefaults(ParsedRule rule, LocalDateTime dtstart) {
    Map<String, String> parts = rule.expandParts();
    Frequency freq = rule.freq();
    if (freq.compareTo(Frequency.SECONDLY) > 0) {
      parts.putIfAbsent("BYSECOND", Integer.toString(dtstart.getSecond()));
    }
    if (freq.compareTo(Frequency.MINUTELY) > 0) {
      parts.putIfAbsent("BYMINUTE", Integer.toString(dtstart.getMinute()));
    }
    if (freq.compareTo(Frequency.HOURLY) > 0) {
      parts.putIfAbsent("BYHOUR", Integer.toString(dtstart.getHour()));
    }
    boolean dayGiven =
        parts.containsKey("BYDAY")
            || parts.containsKey("BYMONTHDAY")
            || parts.containsKey("BYYEARDAY");
    boolean weekday = freq == Frequency.WEEKLY || parts.containsKey("BYWEEKNO");
    if (weekday && !dayGiven) {
      parts.put("BYDAY", dtstart.getDayOfWeek().name().substring(0, 2));
    } else if (freq == Frequency.MONTHLY && !dayGiven) {
      parts.put("BYMONTHDAY", Integer.toString(dtstart.getDayOfMonth()));
    } else if (freq == Frequency.YEARLY && !dayGiven) {
      parts.putIfAbsent("BYMONTH", Integer.toString(dtstart.getMonthValue()));
      parts.put("BYMONTHDAY", Integer.toString(dtstart.getDayOfMonth()));
    }
    return parts;
  }

  private static RecurrenceRuleIterator iterator(String expandable, LocalDateTime start) {
    RecurrenceRule rule;
    try {
      rule = new RecurrenceRule(expandable, RecurrenceRule.RfcMode.RFC5545_STRICT);
    } catch (InvalidRecurrenceRuleException | RuntimeException e) {
      throw RecurrenceRuleParser.invalid("rrule", "the rule cannot be expanded: " + e.getMessage());
    }
    try {
      return rule.iterator(new DateTime((java.util.TimeZone) null, millis(start)));
    } catch (IllegalArgumentException e) {
      return null; // lib-recur found no instance in thousands of periods: the rule never occurs
    }
  }

  private static long millis(LocalDateTime local) {
    return local.toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
