package dev.zoclone.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a figure was measured on: its cores and its load average. */
public final class Machine {
  private Machine() {}

  public static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** The one-minute load average. */
  public static double load() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException e) {
      return Double.NaN;
    }
  }
}
