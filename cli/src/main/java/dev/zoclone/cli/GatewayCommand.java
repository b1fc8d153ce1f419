package dev.zoclone.cli;

import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every command that calls the gateway: it connects with the global options and prints the
 * gateway's data instead of text when {@code -o json|yaml} or {@code --json} is given.
 */
public abstract class GatewayCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Override
  public final Integer call() {
    root().options().format(); // a bad -o is a usage error before any call
    return execute(root().gateway());
  }

  /** Does the command's work against {@code gateway} and answers its exit code. */
  protected abstract int execute(GatewayClient gateway);

  /** Where the command's normal output goes. */
  protected final PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Where the command's diagnostics go. */
  protected final PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** The environment zo reads its defaults from. */
  protected final Settings settings() {
    return root().settings();
  }

  /** Whether {@code --json}, {@code -o json} or {@code -o yaml} was given. */
  protected final boolean json() {
    return root().options().json();
  }

  /** Whether {@code -o wide} was given: tables print more columns. */
  protected final boolean wide() {
    return root().options().format() == OutputFormat.WIDE;
  }

  /**
   * Prints the response's body as JSON or YAML when {@code -o json|yaml} (or {@code --json}) was
   * given, and answers whether it did.
   */
  protected final boolean printedAsJson(GatewayResponse response) {
    if (!json()) {
      return false;
    }
    if (!response.body().isBlank()) {
      out().println(format(response));
    }
    return true;
  }

  /** The response's body as {@code -o json|yaml} prints it. */
  protected final String format(GatewayResponse response) {
    return root().options().format().render(response.body());
  }

  private ZoCli root() {
    return (ZoCli) spec.root().userObject();
  }
}
