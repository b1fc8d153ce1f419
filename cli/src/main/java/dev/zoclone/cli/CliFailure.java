package dev.zoclone.cli;

/** A failure the user can act on: its message is printed as is, on one line, with its exit code. */
public final class CliFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public CliFailure(int exitCode, String message) {
    this(exitCode, message, null);
  }

  public CliFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The process exit code this failure ends {@code zo} with. */
  public int exitCode() {
    return exitCode;
  }
}
