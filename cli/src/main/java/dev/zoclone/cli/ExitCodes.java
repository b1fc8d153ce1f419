package dev.zoclone.cli;

/** The exit codes of every {@code zo} command, so scripts can tell failures apart. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;

  /** The gateway refused or failed the request, or a service is DOWN. */
  public static final int FAILURE = 1;

  /** The command line was wrong: an unknown option, a missing argument, a bad URL. */
  public static final int USAGE = 2;

  /** Nothing answered at the gateway's URL. */
  public static final int UNREACHABLE = 3;

  /** Ctrl-C: 128 + SIGINT, as shells expect (the JVM exits with it on SIGINT too). */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
