package dev.zoclone.cli.agents;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo keys rm <name>}: deletes a key. */
@Command(name = "rm", description = "Delete a provider key.")
public final class RemoveKeyCommand extends GatewayCommand {
  @Parameters(index = "0", description = "The key's name.")
  String name;

  @Override
  protected int execute(GatewayClient gateway) {
    gateway.delete("/api/v1/keys/" + GatewayClient.pathSegment(name));
    if (!json()) {
      out().println("key " + name + " deleted");
    }
    return ExitCodes.OK;
  }
}
