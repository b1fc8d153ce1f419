package dev.zoclone.cli.pool;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zo node}: turns this machine into a worker of the caller's compute pool. */
@Command(
    name = "node",
    description = {
      "Run a compute-pool worker on this machine: it takes your shell and http jobs whose",
      "requirements its labels meet, until stopped (SIGTERM or Ctrl-C lets running jobs finish",
      "within --grace, then hands the rest back to the pool)."
    })
public final class NodeCommand extends GatewayCommand {
  @Option(names = "--name", paramLabel = "NAME", description = "Node name. Default: the host name.")
  private String name;

  @Option(
      names = "--label",
      paramLabel = "KEY=VALUE",
      description = "A label jobs can require, e.g. --label gpu=a100; repeatable.")
  private Map<String, String> labels = new LinkedHashMap<>();

  @Option(
      names = "--slots",
      paramLabel = "N",
      defaultValue = "4",
      description = "Jobs run at once. Default: ${DEFAULT-VALUE}.")
  private int slots;

  @Option(
      names = "--grace",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "On shutdown, how long running jobs may finish. Default: ${DEFAULT-VALUE}.")
  private int graceSeconds;

  @Override
  protected int execute(GatewayClient gateway) {
    if (slots < 1) {
      throw new dev.zoclone.cli.CliFailure(ExitCodes.USAGE, "--slots must be at least 1");
    }
    PoolWorker worker =
        new PoolWorker(new GatewayPoolApi(gateway), nodeName(), labels, slots, out());
    Thread main = Thread.currentThread();
    Thread stopper =
        new Thread(
            () -> {
              try {
                worker.shutdown(Duration.ofSeconds(graceSeconds));
                main.join(5_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "zo-node-shutdown");
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      worker.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitCodes.OK;
  }

  private String nodeName() {
    if (name != null && !name.isBlank()) {
      return name;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "node";
    }
  }
}
