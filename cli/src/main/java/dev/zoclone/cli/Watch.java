package dev.zoclone.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@code --watch} (jobs, schedule runs, nodes): prints a view again whenever it changes, polling
 * every two seconds until the view says it has ended (or forever); Ctrl-C ends the wait (the JVM
 * then exits 130, as shells expect).
 */
public final class Watch {
  /** Time between two polls. */
  public static final Duration INTERVAL = Duration.ofSeconds(2);

  /**
   * One poll: the text to show, what it shows (the gateway's answer: a changed age alone does not
   * print the view again) and whether it has ended (every job in it, say); a view that never ends
   * is watched until Ctrl-C.
   */
  public record View(String text, String data, boolean ended) {}

  private Watch() {}

  /** Shows {@code poll}'s view on {@code out} each time it changes, until it says all ended. */
  public static void run(PrintWriter out, Supplier<View> poll) {
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
