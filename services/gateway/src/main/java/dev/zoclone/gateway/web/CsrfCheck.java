package dev.zoclone.gateway.web;

import dev.zoclone.contract.Problem;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.Set;

/**
 * Refuses a state-changing request authenticated by the session cookie unless it carries the
 * session's CSRF token in {@value SessionCookie#CSRF_HEADER}. A request with a bearer token needs
 * none: no browser sends one by itself.
 */
public final class CsrfCheck {
  private static final Set<HttpMethod> SAFE =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private CsrfCheck() {}

  /** Whether a request authenticated by the session {@code cookieValue} must be refused. */
  public static boolean refuses(HttpServerRequest request, String cookieValue) {
    return !SAFE.contains(request.method())
        && !SessionCookie.csrfMatches(cookieValue, request.getHeader(SessionCookie.CSRF_HEADER));
  }

  /** 403 for a missing or wrong CSRF token. */
  public static Problem problem(String path) {
    return new Problem(
        Problem.type("csrf"),
        "CSRF token missing",
        403,
        "A request signed in by the console's session cookie that changes anything must carry the"
            + " session's CSRF token in "
            + SessionCookie.CSRF_HEADER,
        path,
        null);
  }
}
