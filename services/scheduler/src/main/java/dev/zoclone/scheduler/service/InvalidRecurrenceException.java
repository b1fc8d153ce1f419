package dev.zoclone.scheduler.service;

/**
 * A recurrence the service will not expand; {@code part} names the offending piece, such as {@code
 * BYMONTHDAY}, {@code FREQ}, {@code tzid} or {@code dtstart}.
 */
public class InvalidRecurrenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String part;

  public InvalidRecurrenceException(String field, String part, String message) {
    super(message);
    this.field = field;
    this.part = part;
  }

  /** The request field at fault: {@code rrule}, {@code dtstart}, {@code tzid}, ... */
  public String field() {
    return field;
  }

  /** The rule part or field at fault, as the user wrote it. */
  public String part() {
    return part;
  }
}
