package dev.zoclone.scheduler.service;

import dev.zoclone.scheduler.service.ParsedRule.Frequency;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses and validates an RFC 5545 RRULE value (§3.3.10), naming the offending part of anything it
 * refuses, so users learn what to fix instead of getting a rule that silently never fires.
 */
public final class RecurrenceRuleParser {
  private static final String FIELD = "rrule";
  private static final List<String> ORDER =
      List.of(
          "FREQ",
          "UNTIL",
          "COUNT",
          "INTERVAL",
          "BYSECOND",
          "BYMINUTE",
          "BYHOUR",
          "BYDAY",
          "BYMONTHDAY",
          "BYYEARDAY",
          "BYWEEKNO",
          "BYMONTH",
          "BYSETPOS",
          "WKST");
  private static final Set<String> BY_PARTS =
      Set.of(
          "BYSECOND",
          "BYMINUTE",
          "BYHOUR",
          "BYDAY",
          "BYMONTHDAY",
          "BYYEARDAY",
          "BYWEEKNO",
          "BYMONTH");
  private static final Set<String> WEEKDAYS = Set.of("SU", "MO", "TU", "WE", "TH", "FR", "SA");
  private static final Pattern WEEKDAY_NUM = Pattern.compile("([+-]?\\d{1,2})?([A-Z]{2})");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
  private static final DateTimeFormatter BASIC_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
  private static final int MAX_INTERVAL = 100_000;
  private static final int MAX_COUNT = 1_000_000;

  /** Parts the expander applies itself rather than the expansion library. */
  private static final Set<String> SELF_APPLIED = Set.of("UNTIL", "COUNT", "BYSETPOS");

  private RecurrenceRuleParser() {}

  /** The validated rule; {@code raw} may carry the {@code RRULE:} prefix. */
  public static ParsedRule parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw invalid("rrule", "rrule is required, e.g. FREQ=DAILY;BYHOUR=9");
    }
    String value = raw.strip();
    if (value.regionMatches(true, 0, "RRULE:", 0, 6)) {
      value = value.substring(6);
    }
    Map<String, String> parts = new LinkedHashMap<>();
    for (String piece : value.split(";")) {
      if (piece.isBlank()) {
        continue;
      }
      int eq = piece.indexOf('=');
      if (eq <= 0 || eq == piece.length() - 1) {
        throw invalid(piece.strip(), "'" + piece.strip() + "' is not NAME=VALUE");
      }
      String name = piece.substring(0, eq).strip().toUpperCase(Locale.ROOT);
      String partValue = piece.substring(eq + 1).strip().toUpperCase(Locale.ROOT);
      if (!ORDER.contains(name)) {
        throw invalid(name, "unknown rule part " + name + "; known parts are " + ORDER);
      }
      if (parts.put(name, partValue) != null) {
        throw invalid(name, name + " appears more than once");
      }
    }
    Frequency freq = frequency(parts.get("FREQ"));
    new Checks(freq, parts).run();
    return build(freq, parts);
  }

  private static Frequency frequency(String value) {
    if (value == null) {
      throw invalid("FREQ", "FREQ is required, e.g. FREQ=WEEKLY");
    }
    try {
      return Frequency.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw invalid(
          "FREQ",
          "unknown FREQ value '"
              + value
              + "'; one of "
              + Arrays.stream(Frequency.values())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
    }
  }

  private static ParsedRule build(Frequency freq, Map<String, String> parts) {
    StringBuilder normalized = new StringBuilder();
    Map<String, String> expandParts = new LinkedHashMap<>();
    for (String name : ORDER) {
      String partValue = parts.get(name);
      if (partValue == null) {
        continue;
      }
      append(normalized, name + "=" + partValue);
      if (!SELF_APPLIED.contains(name)) {
        expandParts.put(name, partValue);
      }
    }
    Integer count = parts.containsKey("COUNT") ? Integer.valueOf(parts.get("COUNT")) : null;
    List<Integer> bySetPos = integerList(parts.get("BYSETPOS"));
    List<Integer> byWeekNo = integerList(parts.get("BYWEEKNO"));
    DayOfWeek wkst = parts.containsKey("WKST") ? weekday(parts.get("WKST")) : DayOfWeek.MONDAY;
    String until = parts.get("UNTIL");
    Instant untilUtc = null;
    LocalDateTime untilLocal = null;
    if (until != null) {
      try {
        if (until.matches("\\d{8}")) {
          untilLocal = LocalDate.parse(until, DateTimeFormatter.BASIC_ISO_DATE).atTime(23, 59, 59);
        } else if (until.matches("\\d{8}T\\d{6}Z")) {
          untilUtc =
              LocalDateTime.parse(until.substring(0, 15), BASIC_DATE_TIME)
                  .toInstant(ZoneOffset.UTC);
        } else if (until.matches("\\d{8}T\\d{6}")) {
          untilLocal = LocalDateTime.parse(until, BASIC_DATE_TIME);
        } else {
          throw invalid(
              "UNTIL",
              "UNTIL value '" + until + "' must be YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ");
        }
      } catch (DateTimeParseException e) {
        throw invalid(
            "UNTIL", "UNTIL value '" + until + "' is not a valid date: " + e.getMessage());
      }
    }
    return new ParsedRule(
        normalized.toString(),
        expandParts,
        freq,
        count,
        untilUtc,
        untilLocal,
        bySetPos,
        byWeekNo,
        wkst);
  }

  private static List<Integer> integerList(String value) {
    return value == null
        ? List.of()
        : Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
  }

  /** The day of a two-letter RFC 5545 weekday ({@code MO} ... {@code SU}). */
  static DayOfWeek weekday(String code) {
    return switch (code) {
      case "MO" -> DayOfWeek.MONDAY;
      case "TU" -> DayOfWeek.TUESDAY;
      case "WE" -> DayOfWeek.WEDNESDAY;
      case "TH" -> DayOfWeek.THURSDAY;
      case "FR" -> DayOfWeek.FRIDAY;
      case "SA" -> DayOfWeek.SATURDAY;
      default -> DayOfWeek.SUNDAY;
    };
  }

  private static void append(StringBuilder into, String text) {
    if (into.length() > 0) {
      into.append(';');
    }
    into.append(text);
  }

  static InvalidRecurrenceException invalid(String part, String message) {
    return new InvalidRecurrenceException(FIELD, part, message);
  }

  /** The per-part rules of RFC 5545 §3.3.10, in the order a reader of the RFC would check them. */
  private record Checks(Frequency freq, Map<String, String> parts) {
    void run() {
      if (parts.containsKey("COUNT") && parts.containsKey("UNTIL")) {
        throw invalid("COUNT", "COUNT and UNTIL must not both be given");
      }
      positive("INTERVAL", MAX_INTERVAL);
      positive("COUNT", MAX_COUNT);
      integers("BYSECOND", 0, 60, false);
      integers("BYMINUTE", 0, 59, false);
      integers("BYHOUR", 0, 23, false);
      integers("BYMONTHDAY", 1, 31, true);
      integers("BYYEARDAY", 1, 366, true);
      integers("BYWEEKNO", 1, 53, true);
      integers("BYMONTH", 1, 12, false);
      integers("BYSETPOS", 1, 366, true);
      byDay();
      String wkst = parts.get("WKST");
      if (wkst != null && !WEEKDAYS.contains(wkst)) {
        throw invalid("WKST", "WKST value '" + wkst + "' is not one of " + WEEKDAYS);
      }
      onlyWith("BYMONTHDAY", freq != Frequency.WEEKLY, "is not allowed with FREQ=WEEKLY");
      onlyWith(
          "BYYEARDAY",
          freq != Frequency.DAILY && freq != Frequency.WEEKLY && freq != Frequency.MONTHLY,
          "is not allowed with FREQ=DAILY, WEEKLY or MONTHLY");
      onlyWith("BYWEEKNO", freq == Frequency.YEARLY, "is allowed with FREQ=YEARLY only");
      if (parts.containsKey("BYSETPOS") && parts.keySet().stream().noneMatch(BY_PARTS::contains)) {
        throw invalid("BYSETPOS", "BYSETPOS needs another BYxxx part to select from");
      }
    }

    private void onlyWith(String name, boolean allowed, String why) {
      if (parts.containsKey(name) && !allowed) {
        throw invalid(name, name + " " + why);
      }
    }

    private void positive(String name, int max) {
      String value = parts.get(name);
      if (value != null && (!value.matches("\\d{1,9}") || !inRange(value, 1, max))) {
        throw invalid(name, name + " value '" + value + "' must be an integer from 1 to " + max);
      }
    }

    private static boolean inRange(String value, int min, int max) {
      int n = Integer.parseInt(value);
      return n >= min && n <= max;
    }

    private void integers(String name, int min, int max, boolean negativeAllowed) {
      String value = parts.get(name);
      if (value == null) {
        return;
      }
      String range =
          negativeAllowed ? "-" + max + "..-" + min + " or " + min + ".." + max : min + ".." + max;
      for (String item : value.split(",", -1)) {
        if (!INTEGER.matcher(item).matches()) {
          throw invalid(name, name + " value '" + item + "' is not an integer");
        }
        int n = Integer.parseInt(item);
        int magnitude = Math.abs(n);
        boolean ok = (n >= 0 || negativeAllowed) && magnitude >= min && magnitude <= max;
        if (!ok) {
          throw invalid(name, name + " value " + item + " is out of range " + range);
        }
      }
    }

    private void byDay() {
      String value = parts.get("BYDAY");
      if (value == null) {
        return;
      }
      boolean monthScoped =
          freq == Frequency.MONTHLY || (freq == Frequency.YEARLY && parts.containsKey("BYMONTH"));
      for (String item : value.split(",", -1)) {
        Matcher m = WEEKDAY_NUM.matcher(item);
        if (!m.matches() || !WEEKDAYS.contains(m.group(2))) {
          throw invalid(
              "BYDAY", "BYDAY value '" + item + "' is not a weekday such as MO, 2TU or -1FR");
        }
        if (m.group(1) == null) {
          continue;
        }
        int ordinal = Integer.parseInt(m.group(1));
        if (freq != Frequency.MONTHLY && freq != Frequency.YEARLY) {
          throw invalid(
              "BYDAY",
              "BYDAY value '" + item + "' has an ordinal, allowed with MONTHLY or YEARLY only");
        }
        if (freq == Frequency.YEARLY && parts.containsKey("BYWEEKNO")) {
          throw invalid(
              "BYDAY",
              "BYDAY value '" + item + "' has an ordinal, not allowed together with BYWEEKNO");
        }
        int max = monthScoped ? 5 : 53;
        if (ordinal == 0 || Math.abs(ordinal) > max) {
          throw invalid(
              "BYDAY",
              "BYDAY ordinal in '" + item + "' is out of range -" + max + "..-1 or 1.." + max);
        }
      }
    }
  }
}
