package dev.zoclone.cli.identity;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;

/** {@code zo whoami}: the user the token belongs to. */
@Command(
    name = "whoami",
    description = "Show which user your token belongs to, and where it came from.")
public final class WhoamiCommand extends GatewayCommand {
  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response = gateway.get("/api/v1/me");
    if (!printedAsJson(response)) {
      CurrentUser me = response.read(CurrentUser.class);
      out().println(me.name() + " (id " + me.id() + (me.admin() ? ", admin)" : ")"));
      gateway.tokenSource().ifPresent(source -> out().println("token from " + source));
    }
    return ExitCodes.OK;
  }
}
