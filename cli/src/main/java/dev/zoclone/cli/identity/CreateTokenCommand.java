package dev.zoclone.cli.identity;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zo tokens create [--name N]}: issues another token for the caller. */
@Command(name = "create", description = "Create an API token for yourself (shown once).")
public final class CreateTokenCommand extends GatewayCommand {
  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "A label to recognise the token by, e.g. laptop.")
  private String name;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response = gateway.post("/api/v1/tokens", new NewToken(name));
    if (!printedAsJson(response)) {
      CreatedToken token = response.read(CreatedToken.class);
      if (token.id() != null) {
        String label = token.name() == null ? "" : " " + token.name();
        out().println("Created token" + label + " (id " + token.id() + ").");
      }
      TokenNotice.print(out(), token.token());
    }
    return ExitCodes.OK;
  }
}
