package dev.zoclone.memory.messaging;

import io.quarkus.logging.Log;
import java.util.function.Supplier;

/** Runs a step of ingestion up to three times, waiting a little longer after each failure. */
final class Retries {
  private static final int ATTEMPTS = 3;

  private Retries() {}

  /** The step's result; its last failure when every attempt failed. */
  static <T> T call(String step, Supplier<T> action) {
    for (int attempt = 1; ; attempt++) {
      try {
        return action.get();
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        Log.warnf("%s failed (attempt %d), retrying: %s", step, attempt, e.getMessage());
        sleep(500L * attempt);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
