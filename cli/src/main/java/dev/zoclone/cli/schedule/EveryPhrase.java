package dev.zoclone.cli.schedule;

import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain phrases for {@code --every} ("weekday at 9", "every 15 minutes", "monthly on the last
 * friday at 17:00") and the RFC 5545 rule each maps to; {@code --rrule} covers the rest.
 */
public final class EveryPhrase {
  /** Phrases shown when one is not understood. */
  public static final List<String> EXAMPLES =
      List.of(
          "every 15 minutes",
          "every hour",
          "daily at 17:30",
          "weekday at 9",
          "every monday at 8",
          "every mon,thu at 18:00",
          "monthly on the last friday at 17:00",
          "monthly on day 15 at 9am");

  private static final String TIME = "(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?";
  private static final String DAY =
      "(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?s?";
  private static final Pattern INTERVAL =
      Pattern.compile("every\\s+(?:(\\d+)\\s+)?(minute|hour|day|week|month)s?");
  private static final Pattern DAILY =
      Pattern.compile("(?:daily|every\\s+day|each\\s+day)\\s+at\\s+" + TIME);
  private static final Pattern WEEKDAYS =
      Pattern.compile("(?:every\\s+)?(?:weekday|weekdays|workday|workdays)\\s+at\\s+" + TIME);
  private static final Pattern DAYS =
      Pattern.compile(
          "(?:every\\s+|weekly\\s+on\\s+)?("
              + DAY
              + "(?:\\s*(?:,|and)\\s*"
              + DAY
              + ")*)\\s+at\\s+"
              + TIME);
  private static final Pattern NTH_DAY =
      Pattern.compile(
          "monthly\\s+on\\s+the\\s+(first|second|third|fourth|last|1st|2nd|3rd|4th)\\s+("
              + DAY
              + ")\\s+at\\s+"
              + TIME);
  private static final Pattern MONTH_DAY =
      Pattern.compile(
          "monthly\\s+on\\s+(?:day\\s+|the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+at\\s+" + TIME);
  private static final Map<String, String> ORDINALS =
      Map.of(
          "first", "1", "1st", "1", "second", "2", "2nd", "2", "third", "3", "3rd", "3", "fourth",
          "4", "4th", "4", "last", "-1");

  private EveryPhrase() {}

  /** The rule {@code phrase} means; a usage error listing {@link #EXAMPLES} when none fits. */
  public static String toRrule(String phrase) {
    String p = phrase.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    Matcher m;
    if ((m = INTERVAL.matcher(p)).matches()) {
      int n = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
      if (n < 1) {
        throw unknown(phrase);
      }
      String freq =
          switch (m.group(2)) {
            case "minute" -> "MINUTELY";
            case "hour" -> "HOURLY";
            case "day" -> "DAILY";
            case "week" -> "WEEKLY";
            default -> "MONTHLY";
          };
      return "FREQ=" + freq + (n == 1 ? "" : ";INTERVAL=" + n);
    }
    if ((m = DAILY.matcher(p)).matches()) {
      return "FREQ=DAILY;" + at(phrase, m, 1);
    }
    if ((m = WEEKDAYS.matcher(p)).matches()) {
      return "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;" + at(phrase, m, 1);
    }
    if ((m = DAYS.matcher(p)).matches()) {
      List<String> days = new ArrayList<>();
      for (String day : m.group(1).split("\\s*(?:,|and)\\s*")) {
        days.add(day(day));
      }
      return "FREQ=WEEKLY;BYDAY=" + String.join(",", days) + ";" + at(phrase, m, 2);
    }
    if ((m = NTH_DAY.matcher(p)).matches()) {
      return "FREQ=MONTHLY;BYDAY="
          + ORDINALS.get(m.group(1))
          + day(m.group(2))
          + ";"
          + at(phrase, m, 3);
    }
    if ((m = MONTH_DAY.matcher(p)).matches()) {
      int day = Integer.parseInt(m.group(1));
      if (day < 1 || day > 31) {
        throw unknown(phrase);
      }
      return "FREQ=MONTHLY;BYMONTHDAY=" + day + ";" + at(phrase, m, 2);
    }
    throw unknown(phrase);
  }

  /** BYHOUR, BYMINUTE and BYSECOND of the time in groups {@code first} to {@code first + 2}. */
  private static String at(String phrase, Matcher m, int first) {
    int hour = Integer.parseInt(m.group(first));
    int minute = m.group(first + 1) == null ? 0 : Integer.parseInt(m.group(first + 1));
    String half = m.group(first + 2);
    if (half != null) {
      if (hour < 1 || hour > 12) {
        throw unknown(phrase);
      }
      hour = hour % 12 + ("pm".equals(half) ? 12 : 0);
    }
    if (hour > 23 || minute > 59) {
      throw unknown(phrase);
    }
    return "BYHOUR=" + hour + ";BYMINUTE=" + minute + ";BYSECOND=0";
  }

  private static String day(String name) {
    return name.substring(0, 2).toUpperCase(Locale.ROOT);
  }

  private static CliFailure unknown(String phrase) {
    return new CliFailure(
        ExitCodes.USAGE,
        "cannot read --every '"
            + phrase
            + "'; phrases like: "
            + String.join("; ", EXAMPLES)
            + " (or give the rule itself with --rrule)");
  }
}
