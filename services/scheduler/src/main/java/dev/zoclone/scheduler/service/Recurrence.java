package dev.zoclone.scheduler.service;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validated recurrence: the rule, its local start, its IANA zone and its excluded local times.
 *
 * @param rule the parsed RRULE
 * @param dtstart the first start, local in {@code zone}
 * @param zone the IANA zone that local times are in
 * @param exdates excluded local start times
 */
public record Recurrence(
    ParsedRule rule, LocalDateTime dtstart, ZoneId zone, Set<LocalDateTime> exdates) {
  /** Local date-times as the API writes them: always with seconds. */
  public static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
  private static final int MAX_EXDATES = 1000;

  public Recurrence {
    exdates = Set.copyOf(exdates);
  }

  /** Parses and validates the four request fields; errors name the field and part at fault. */
  public static Recurrence of(String rrule, String dtstart, String tzid, List<String> exdates) {
    ParsedRule rule = RecurrenceRuleParser.parse(rrule);
    ZoneId zone = zone(tzid);
    LocalDateTime start = localDateTime("dtstart", dtstart);
    List<String> excluded = exdates == null ? List.of() : exdates;
    if (excluded.size() > MAX_EXDATES) {
      throw new InvalidRecurrenceException(
          "exdates", "exdates", "at most " + MAX_EXDATES + " exdates are allowed");
    }
    Set<LocalDateTime> parsed = new TreeSet<>();
    for (String exdate : excluded) {
      parsed.add(localDateTime("exdates", exdate));
    }
    if (rule.untilLocal() != null && rule.untilLocal().isBefore(start)
        || rule.untilUtc() != null && rule.untilUtc().isBefore(start.atZone(zone).toInstant())) {
      throw RecurrenceRuleParser.invalid("UNTIL", "UNTIL is before dtstart: the rule never occurs");
    }
    return new Recurrence(rule, start, zone, parsed);
  }

  /** An IANA zone id such as {@code Europe/Berlin}; offsets like {@code +02:00} are refused. */
  public static ZoneId zone(String tzid) {
    if (tzid == null || tzid.isBlank()) {
      throw new InvalidRecurrenceException("tzid", "tzid", "tzid is required, e.g. Europe/Berlin");
    }
    if (!ZoneId.getAvailableZoneIds().contains(tzid)) {
      throw new InvalidRecurrenceException(
          "tzid", "tzid", "unknown tzid '" + tzid + "'; use an IANA zone such as Europe/Berlin");
    }
    return ZoneId.of(tzid);
  }

  /** A local date-time, ISO ({@code 2026-01-01T09:00[:00]}) or RFC 5545 basic form. */
  public static LocalDateTime localDateTime(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRecurrenceException(
          field, field, field + " is required, a local date-time such as 2026-01-01T09:00");
    }
    String text = value.strip();
    try {
      return text.matches("\\d{8}T\\d{6}")
          ? LocalDateTime.parse(text, BASIC)
          : LocalDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidRecurrenceException(
          field,
          field,
          field
              + " value '"
              + text
              + "' is not a local date-time such as 2026-01-01T09:00 (no offset: it is in tzid)");
    }
  }

  /** The exdates as the API writes them, sorted. */
  public List<String> exdateTexts() {
    List<String> texts = new ArrayList<>();
    new TreeSet<>(exdates).forEach(d -> texts.add(LOCAL.format(d)));
    return texts;
  }
}
