package dev.zoclone.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time a process, or some of its threads, has used so far (user + system), read from {@code
 * /proc/<pid>/stat} and {@code /proc/<pid>/task/<tid>/stat}.
 */
public final class ProcessCpu {
  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

  private ProcessCpu() {}

  /** Milliseconds of CPU {@code pid} has used. */
  public static double millis(long pid) throws IOException {
    return millis(Path.of("/proc", Long.toString(pid), "stat"));
  }

  /**
   * Milliseconds of CPU each live thread of {@code pid} whose name starts with {@code prefix} has
   * used, by thread id (a thread that has ended is missing, its CPU with it).
   */
  public static Map<String, Double> threadMillis(long pid, String prefix) throws IOException {
    Map<String, Double> threads = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          if (Files.readString(task.resolve("comm")).startsWith(prefix)) {
            threads.put(task.getFileName().toString(), millis(task.resolve("stat")));
          }
        } catch (IOException e) {
          // the thread ended between the listing and the read
        }
      }
    }
    return threads;
  }

  private static double millis(Path stat) throws IOException {
    String line = Files.readString(stat);
    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    return ticks * 1000 / TICKS_PER_SECOND;
  }
}
