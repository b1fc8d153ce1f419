package dev.zoclone.cli.processes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo start|stop|restart NAME}: one lifecycle action on a process. */
public abstract class ProcessActionCommand extends GatewayCommand {
  @Parameters(paramLabel = "NAME", description = "The process's name.")
  private String name;

  /** The action's path segment: start, stop or restart. */
  protected abstract String action();

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response =
        gateway.post("/api/v1/processes/" + GatewayClient.pathSegment(name) + "/" + action(), null);
    if (!printedAsJson(response)) {
      ProcessPrinter.print(out(), response.read(JsonNode.class));
    }
    return ExitCodes.OK;
  }

  /** {@code zo start NAME}. */
  @Command(name = "start", description = "Start a stopped, exited or failed process.")
  public static final class Start extends ProcessActionCommand {
    @Override
    protected String action() {
      return "start";
    }
  }

  /** {@code zo stop NAME}. */
  @Command(name = "stop", description = "Stop a process (SIGTERM, then SIGKILL after its grace).")
  public static final class Stop extends ProcessActionCommand {
    @Override
    protected String action() {
      return "stop";
    }
  }

  /** {@code zo restart NAME}. */
  @Command(name = "restart", description = "Stop a process and start it again.")
  public static final class Restart extends ProcessActionCommand {
    @Override
    protected String action() {
      return "restart";
    }
  }
}
