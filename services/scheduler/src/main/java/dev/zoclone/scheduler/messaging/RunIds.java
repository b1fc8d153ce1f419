package dev.zoclone.scheduler.messaging;

import java.util.UUID;

/** Reads run ids out of other services' events, which may carry anything. */
final class RunIds {
  private RunIds() {}

  /** The run id, or null when {@code raw} is not a UUID. */
  static UUID parse(String raw) {
    try {
      return raw == null || raw.isBlank() ? null : UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
