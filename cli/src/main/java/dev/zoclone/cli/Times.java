package dev.zoclone.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times as tables show them: local time to the second, and an age like {@code 5m} or {@code 3d}.
 */
public final class Times {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Times() {}

  /** {@code iso} (an instant as the gateway writes it) in the local zone, or "-" when absent. */
  public static String local(String iso, ZoneId zone) {
    Instant instant = parse(iso);
    return instant == null ? "-" : LOCAL.format(instant.atZone(zone));
  }

  /** How long before {@code now} {@code iso} was, in its largest whole unit; "-" when absent. */
  public static String age(String iso, Instant now) {
    Instant instant = parse(iso);
    if (instant == null) {
      return "-";
    }
    Duration age = Duration.between(instant, now);
    if (age.isNegative()) {
      return "0s";
    }
    if (age.toDays() > 0) {
      return age.toDays() + "d";
    }
    if (age.toHours() > 0) {
      return age.toHours() + "h";
    }
    if (age.toMinutes() > 0) {
      return age.toMinutes() + "m";
    }
    return age.toSeconds() + "s";
  }

  private static Instant parse(String iso) {
    if (iso == null || iso.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
