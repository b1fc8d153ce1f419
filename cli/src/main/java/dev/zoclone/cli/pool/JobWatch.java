package dev.zoclone.cli.pool;

import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code --watch}: prints a view again whenever it changes, polling every two seconds until every
 * job in it has ended; Ctrl-C ends the wait (the JVM then exits 130, as shells expect).
 */
final class JobWatch {
  /** Statuses a job never leaves by itself. */
  static final Set<String> ENDED = Set.of("SUCCEEDED", "FAILED", "DEAD", "CANCELLED");

  /** Time between two polls. */
  static final Duration INTERVAL = Duration.ofSeconds(2);

  /**
   * One poll: the text to show, what it shows (the gateway's answer: a changed age alone does not
   * print the view again) and whether every job in it has ended.
   */
  record View(String text, String data, boolean ended) {}

  private JobWatch() {}

  /** Shows {@code poll}'s view on {@code out} each time it changes, until it says all ended. */
  static void run(PrintWriter out, Supplier<View> poll) {
    String shown = null;
    while (true) {
      View view = poll.get();
      if (!view.data().equals(shown)) {
        if (shown != null) {
          out.println();
        }
        out.print(view.text());
        out.flush();
        shown = view.data();
      }
      if (view.ended()) {
        return;
      }
      try {
        Thread.sleep(INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliFailure(ExitCodes.FAILURE, "interrupted while watching", e);
      }
    }
  }
}
