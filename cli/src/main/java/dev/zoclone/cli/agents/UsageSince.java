package dev.zoclone.cli.agents;

import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code zo usage --since}: {@code 7d}, {@code 2w} or an ISO date ({@code 2026-11-01}) as the
 * number of UTC days, today included, that {@code GET /api/v1/usage/daily?days=} takes (1 to 366).
 */
final class UsageSince {
  /** The most days the gateway answers. */
  static final int MAX_DAYS = 366;

  private static final Pattern COUNT = Pattern.compile("(\\d{1,4})([dw])");

  private UsageSince() {}

  /** The days {@code since} covers when today (UTC) is {@code today}. */
  static int days(String since, LocalDate today) {
    String given = since.strip().toLowerCase(java.util.Locale.ROOT);
    Matcher count = COUNT.matcher(given);
    long days;
    if (count.matches()) {
      days = Long.parseLong(count.group(1)) * (count.group(2).equals("w") ? 7 : 1);
    } else {
      LocalDate first;
      try {
        first = LocalDate.parse(given);
      } catch (DateTimeParseException e) {
        throw usage("--since '" + since + "': give Nd (7d), Nw (2w) or a date (2026-11-01)");
      }
      if (first.isAfter(today)) {
        throw usage("--since " + since + " is after today (" + today + ", UTC)");
      }
      days = ChronoUnit.DAYS.between(first, today) + 1;
    }
    if (days < 1 || days > MAX_DAYS) {
      throw usage("--since " + since + " covers " + days + " days; 1 to " + MAX_DAYS + " work");
    }
    return (int) days;
  }

  private static CliFailure usage(String message) {
    return new CliFailure(ExitCodes.USAGE, message);
  }
}
