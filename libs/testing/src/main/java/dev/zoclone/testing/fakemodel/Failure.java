package dev.zoclone.testing.fakemodel;

import java.util.Objects;

/**
 * An HTTP error the fake model answers with: status, error type (the provider's usual type for the
 * status when null), message, and the Retry-After seconds to send (none when null).
 */
public record Failure(int status, String type, String message, Integer retryAfterSeconds) {

  public Failure {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an error status is 4xx or 5xx, not " + status);
    }
    Objects.requireNonNull(message, "message");
  }
}
