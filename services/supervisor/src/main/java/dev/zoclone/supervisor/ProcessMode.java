package dev.zoclone.supervisor;

import java.util.Locale;
import java.util.Optional;

/** How a process is judged ready: alive long enough, or accepting connections on its port. */
public enum ProcessMode {
  PROCESS,
  HTTP,
  TCP;

  /** The mode named {@code value} ({@code process}, {@code http}, {@code tcp}). */
  public static Optional<ProcessMode> parse(String value) {
    for (ProcessMode mode : values()) {
      if (mode.wire().equals(value)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }

  /** Whether the process gets a PORT and is probed on it. */
  public boolean servesPort() {
    return this != PROCESS;
  }

  /** The name in the API. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
