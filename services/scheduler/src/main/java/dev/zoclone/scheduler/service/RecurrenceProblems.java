package dev.zoclone.scheduler.service;

import dev.zoclone.contract.Problem.FieldError;
import dev.zoclone.platform.problem.ProblemException;
import java.util.List;

/** Turns a refused recurrence into its problem+json form. */
final class RecurrenceProblems {
  private RecurrenceProblems() {}

  /**
   * A 400 of type {@code invalid-recurrence}; the field error is {@code rrule.BYMONTHDAY} style
   * when one rule part is at fault, else the request field ({@code rrule}, {@code tzid}, ...).
   */
  static ProblemException of(InvalidRecurrenceException e) {
    String field = e.part().equals(e.field()) ? e.field() : e.field() + "." + e.part();
    return new ProblemException(
        400,
        "invalid-recurrence",
        "Invalid recurrence",
        e.getMessage(),
        List.of(new FieldError(field, e.getMessage())));
  }
}
