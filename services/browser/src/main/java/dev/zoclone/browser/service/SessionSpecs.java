package dev.zoclone.browser.service;

import dev.zoclone.browser.config.BrowserConfig;
import dev.zoclone.contract.browser.NewSession;
import dev.zoclone.platform.problem.ProblemException;
import java.time.ZoneId;

/** Checks a new session's options, naming the offending field. */
final class SessionSpecs {
  private SessionSpecs() {}

  static void validate(NewSession spec, BrowserConfig config) {
    if (spec.name() != null
        && (spec.name().isBlank()
            || spec.name().length() > 100
            || !spec.name().matches("[\\w.@ -]+"))) {
      throw ProblemException.badRequest(
          "name", "1 to 100 letters, digits, spaces or . _ - @ characters");
    }
    if (spec.viewport() != null) {
      Integer w = spec.viewport().width();
      Integer h = spec.viewport().height();
      if (w == null || w < 100 || w > 4096) {
        throw ProblemException.badRequest("viewport.width", "between 100 and 4096");
      }
      if (h == null || h < 100 || h > 4096) {
        throw ProblemException.badRequest("viewport.height", "between 100 and 4096");
      }
    }
    if (spec.userAgent() != null
        && (spec.userAgent().isBlank() || spec.userAgent().length() > 500)) {
      throw ProblemException.badRequest("user_agent", "1 to 500 characters");
    }
    if (spec.locale() != null && !spec.locale().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
      throw ProblemException.badRequest("locale", "a BCP 47 tag such as en-US");
    }
    if (spec.timezone() != null) {
      try {
        ZoneId.of(spec.timezone());
      } catch (RuntimeException e) {
        throw ProblemException.badRequest("timezone", "an IANA time zone such as Europe/Paris");
      }
    }
    long maxIdle = config.idleTimeout().toMillis();
    if (spec.idleTimeoutMs() != null
        && (spec.idleTimeoutMs() < 1000 || spec.idleTimeoutMs() > maxIdle)) {
      throw ProblemException.badRequest("idle_timeout_ms", "between 1000 and " + maxIdle);
    }
  }
}
