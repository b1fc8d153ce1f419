package dev.zoclone.platform.problem;

import dev.zoclone.contract.Problem;
import dev.zoclone.contract.Problem.FieldError;
import java.util.List;

/** An error that maps one-to-one onto a problem+json response with a stable type. */
public class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String slug;
  private final String title;
  private final transient List<FieldError> errors;
  private final Integer retryAfterSeconds;

  public ProblemException(
      int status, String slug, String title, String detail, List<FieldError> errors) {
    this(status, slug, title, detail, errors, null);
  }

  private ProblemException(
      int status,
      String slug,
      String title,
      String detail,
      List<FieldError> errors,
      Integer retryAfterSeconds) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public ProblemException(int status, String slug, String title, String detail) {
    this(status, slug, title, detail, List.of());
  }

  /** 400 for one offending field. */
  public static ProblemException badRequest(String field, String message) {
    return new ProblemException(
        400,
        "validation",
        "Invalid request",
        field + ": " + message,
        List.of(new FieldError(field, message)));
  }

  /** 404 for something that does not exist or that the caller does not own. */
  public static ProblemException notFound(String what) {
    return new ProblemException(404, "not-found", "Not found", what + " not found");
  }

  /** 409 for a request that conflicts with the current state. */
  public static ProblemException conflict(String slug, String detail) {
    return new ProblemException(409, slug, "Conflict", detail);
  }

  /** 429 for a limit the caller reached, answered with {@code Retry-After}. */
  public static ProblemException tooManyRequests(
      String slug, String title, String detail, int retryAfterSeconds) {
    return new ProblemException(429, slug, title, detail, List.of(), retryAfterSeconds);
  }

  /** Seconds the caller should wait before trying again, or null when not said. */
  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The problem body for a request to {@code instance}. */
  public Problem toProblem(String instance) {
    return new Problem(Problem.type(slug), title, status, getMessage(), instance, errors);
  }

  public int status() {
    return status;
  }
}
