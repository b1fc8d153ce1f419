package dev.zoclone.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs {@code zo} in-process, exactly as {@code main} wires it, and captures what a user would see.
 */
public final class Zo {
  /** What one run printed and how it exited. */
  public record Run(int exitCode, String out, String err) {}

  private Zo() {}

  /** Runs {@code args} with {@code env} as the environment and {@code home} as the user's home. */
  public static Run run(Map<String, String> env, Path home, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = ZoCli.commandLine(new Settings(env, home));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exitCode = cli.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  /**
   * Runs {@code args} against {@code gateway} with token {@code t0k}, nothing else in the
   * environment.
   */
  public static Run against(FakeGateway gateway, Path home, String... args) {
    return run(Map.of("ZO_URL", gateway.url(), "ZO_TOKEN", "t0k"), home, args);
  }
}
