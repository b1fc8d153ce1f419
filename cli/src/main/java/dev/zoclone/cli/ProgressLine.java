package dev.zoclone.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A one-line progress report on stderr ({@code uploading: 1.5 MiB of 6.0 MiB (25%)}), rewritten in
 * place with a carriage return each time the percentage moves, ended by a newline.
 */
public final class ProgressLine {
  private static final double MIB = 1024.0 * 1024.0;

  private final PrintWriter err;
  private final String label;
  private final long total;
  private int shownPercent = -1;

  public ProgressLine(PrintWriter err, String label, long total) {
    this.err = err;
    this.label = label;
    this.total = total;
  }

  /**
   * Whether stderr is a terminal, where a progress line is shown without being asked for (Linux:
   * where {@code /proc/self/fd/2} leads; false wherever that cannot be told).
   */
  public static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException unknown) {
      return false;
    }
  }

  /** Shows {@code done} of the total when the whole percentage changed since the last line. */
  public synchronized void update(long done) {
    int percent = total == 0 ? 100 : (int) (100 * Math.min(done, total) / total);
    if (percent != shownPercent) {
      shownPercent = percent;
      err.print(
          String.format(
              Locale.ROOT,
              "\r%s: %.1f MiB of %.1f MiB (%d%%)",
              label,
              Math.min(done, total) / MIB,
              total / MIB,
              percent));
      err.flush();
    }
  }

  /** Ends the line (the cursor moves past it). */
  public synchronized void finish() {
    if (shownPercent >= 0) {
      err.println();
      err.flush();
    }
  }
}
