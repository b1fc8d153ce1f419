package dev.zoclone.cli.identity;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo tokens rm ID|NAME}: revokes a token. */
@Command(name = "rm", description = "Revoke one of your API tokens, by id or name.")
public final class RemoveTokenCommand extends GatewayCommand {
  @Parameters(paramLabel = "TOKEN", description = "The token's id or name (see zo tokens ls).")
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
