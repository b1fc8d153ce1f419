package dev.zoclone.agents.keys;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waiting on the latches that hold a lookup's load in these tests. */
final class Latches {
  private Latches() {}

  /** Waits for {@code latch}, failing the test if it is not released within 10 s. */
  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
