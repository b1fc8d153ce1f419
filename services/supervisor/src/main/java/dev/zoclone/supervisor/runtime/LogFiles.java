package dev.zoclone.supervisor.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Names of a process's log files: the current one and its rotated predecessors. */
public final class LogFiles {
  private static final String CURRENT = "output.log";

  private LogFiles() {}

  /** The file being written. */
  public static Path current(Path dir) {
    return dir.resolve(CURRENT);
  }

  /** The {@code n}-th newest rotated file (1 = the most recent). */
  public static Path rotated(Path dir, int n) {
    return dir.resolve(CURRENT + "." + n);
  }

  /** The existing files, newest first. */
  public static List<Path> newestFirst(Path dir) {
    List<Path> files = new ArrayList<>();
    if (Files.exists(current(dir))) {
      files.add(current(dir));
    }
    for (int n = 1; Files.exists(rotated(dir, n)); n++) {
      files.add(rotated(dir, n));
    }
    return files;
  }
}
