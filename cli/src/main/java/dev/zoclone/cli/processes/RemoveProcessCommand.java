package dev.zoclone.cli.processes;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo rm NAME}: stop a process and delete it with its home and logs. */
@Command(name = "rm", description = "Stop a process and delete it, with its home and logs.")
public final class RemoveProcessCommand extends GatewayCommand {
  @Parameters(paramLabel = "NAME", description = "The process's name.")
  private String name;

  @Override
  protected int execute(GatewayClient gateway) {
    gateway.delete("/api/v1/processes/" + GatewayClient.pathSegment(name));
    if (!json()) {
      out().println("Removed " + name + ".");
    }
    return ExitCodes.OK;
  }
}
