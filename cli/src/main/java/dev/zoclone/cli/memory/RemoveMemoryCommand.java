package dev.zoclone.cli.memory;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.IdPrefix;
import dev.zoclone.cli.gateway.GatewayClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo memory rm ID}: forgets a memory and its vectors. */
@Command(name = "rm", description = "Forget a memory.")
public final class RemoveMemoryCommand extends GatewayCommand {
  @Parameters(paramLabel = "ID", description = "The memory's id or a unique prefix of it.")
  private String id;

  @Override
  protected int execute(GatewayClient gateway) {
    String forgotten =
        IdPrefix.MEMORIES.call(
            gateway,
            id,
            m -> {
              gateway.delete("/api/v1/memories/" + GatewayClient.pathSegment(m));
              return m;
            });
    if (!json()) {
      out().println("Forgot memory " + forgotten + ".");
    }
    return ExitCodes.OK;
  }
}
