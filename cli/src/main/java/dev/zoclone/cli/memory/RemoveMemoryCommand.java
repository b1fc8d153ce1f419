package dev.zoclone.cli.memory;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo memory rm ID}: forgets a memory and its vectors. */
@Command(name = "rm", description = "Forget a memory.")
public final class RemoveMemoryCommand extends GatewayCommand {
  @Parameters(paramLabel = "ID", description = "The memory's id.")
  private String id;

  @Override
  protected int execute(GatewayClient gateway) {
    gateway.delete("/api/v1/memories/" + GatewayClient.pathSegment(id));
    if (!json()) {
      out().println("Forgot memory " + id + ".");
    }
    return ExitCodes.OK;
  }
}
