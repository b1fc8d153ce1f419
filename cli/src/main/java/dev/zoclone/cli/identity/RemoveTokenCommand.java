package dev.zoclone.cli.identity;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo tokens rm ID}: revokes a token. */
@Command(name = "rm", description = "Revoke an API token.")
public final class RemoveTokenCommand extends GatewayCommand {
  @Parameters(paramLabel = "ID", description = "The token's id.")
  private String id;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response = gateway.delete("/api/v1/tokens/" + GatewayClient.pathSegment(id));
    if (!printedAsJson(response)) {
      out().println("Revoked token " + id + ".");
    }
    return ExitCodes.OK;
  }
}
