package dev.zoclone.supervisor.runtime;

import java.util.Optional;

/** Which of a process's outputs a reader wants. */
public enum LogStream {
  STDOUT,
  STDERR,
  BOTH;

  /** The filter named {@code value} ({@code stdout}, {@code stderr}, {@code both}). */
  public static Optional<LogStream> parse(String value) {
    return switch (value) {
      case "stdout" -> Optional.of(STDOUT);
      case "stderr" -> Optional.of(STDERR);
      case "both" -> Optional.of(BOTH);
      default -> Optional.empty();
    };
  }

  /** Whether a line stored with {@code tag} is wanted. */
  boolean accepts(byte tag) {
    return switch (this) {
      case STDOUT -> tag == LogWriter.STDOUT;
      case STDERR -> tag == LogWriter.STDERR;
      case BOTH -> tag == LogWriter.STDOUT || tag == LogWriter.STDERR;
    };
  }

  /** The stream name of a stored line's tag. */
  static String nameOf(byte tag) {
    return tag == LogWriter.STDERR ? "stderr" : "stdout";
  }
}
