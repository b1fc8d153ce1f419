package dev.zoclone.cli.identity;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo users create NAME}: creates a user and prints their token, which is shown once. */
@Command(name = "create", description = "Create a user and print their API token (shown once).")
public final class CreateUserCommand extends GatewayCommand {
  @Parameters(paramLabel = "NAME", description = "The new user's name.")
  private String name;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response = gateway.post("/api/v1/users", new NewUser(name));
    if (!printedAsJson(response)) {
      CreatedUser user = response.read(CreatedUser.class);
      out().println("Created user " + user.name() + " (id " + user.id() + ").");
      TokenNotice.print(out(), user.token());
    }
    return ExitCodes.OK;
  }
}
