package dev.zoclone.gateway;

import dev.zoclone.contract.Problem;
import dev.zoclone.platform.problem.ProblemException;

/** The gateway's own kinds of error, each with its stable problem type. */
public final class GatewayProblems {
  private GatewayProblems() {}

  /** 401: no token, or one that is not live. */
  public static Problem unauthenticated(String path) {
    return problem(
        401,
        "unauthenticated",
        "Unauthenticated",
        "Send a live API token as `Authorization: Bearer <token>`",
        path);
  }

  /** 403: the caller is known but may not do this. */
  public static ProblemException forbidden(String detail) {
    return new ProblemException(403, "forbidden", "Forbidden", detail);
  }

  /** 413: the request body is over the configured limit. */
  public static Problem payloadTooLarge(long limit, String path) {
    return problem(
        413,
        "payload-too-large",
        "Payload too large",
        "The request body is larger than " + limit + " bytes",
        path);
  }

  /** 502: the service that owns the path cannot be reached. */
  public static Problem upstreamUnavailable(String service, String path) {
    return problem(
        502,
        "upstream-unavailable",
        "Service unavailable",
        "The " + service + " service cannot be reached",
        path);
  }

  /** 504: the service that owns the path did not answer in time. */
  public static Problem upstreamTimeout(String service, String path) {
    return problem(
        504,
        "upstream-timeout",
        "Service timed out",
        "The " + service + " service did not answer in time",
        path);
  }

  /** 500 for a failure of the gateway itself; the reference is in the log. */
  public static Problem internal(String reference, String path) {
    return problem(
        500,
        "internal",
        "Internal error",
        "Unexpected error; quote reference " + reference + " when reporting it",
        path);
  }

  private static Problem problem(
      int status, String slug, String title, String detail, String path) {
    return new Problem(Problem.type(slug), title, status, detail, path, null);
  }
}
