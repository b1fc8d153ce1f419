package dev.zoclone.browser.service;

import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import dev.zoclone.platform.problem.ProblemException;

/** Turns a Playwright failure into a problem the caller can act on, never a 500. */
final class PlaywrightErrors {
  private PlaywrightErrors() {}

  static ProblemException toProblem(PlaywrightException e) {
    String message = firstLine(e.getMessage());
    if (e instanceof TimeoutError) {
      return new ProblemException(504, "timeout", "Timed out", message);
    }
    if (message.contains("net::ERR_BLOCKED_BY_CLIENT")) {
      return new ProblemException(
          403, "egress-refused", "URL not allowed", "the URL policy refused a request: " + message);
    }
    if (message.contains("net::ERR_")) {
      return new ProblemException(502, "navigation-failed", "Navigation failed", message);
    }
    return new ProblemException(422, "browser-error", "The browser refused the operation", message);
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String trimmed = message.strip();
    int quoted = trimmed.indexOf("message='");
    if (trimmed.startsWith("Error {") && quoted >= 0) {
      trimmed = trimmed.substring(quoted + "message='".length());
    }
    int end = trimmed.indexOf('\n');
    String line = end < 0 ? trimmed : trimmed.substring(0, end);
    return line.length() > 500 ? line.substring(0, 500) : line;
  }
}
