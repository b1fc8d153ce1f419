package dev.zoclone.cli.identity;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo users rm|disable|enable USER}: an admin's actions on one user, by id or name. */
public abstract class UserActionCommand extends GatewayCommand {
  @Parameters(paramLabel = "USER", description = "The user's id or name.")
  private String user;

  /** Sends the action for {@code path} (the user's path) and answers the response. */
  abstract GatewayResponse send(GatewayClient gateway, String path);

  /** What was done, e.g. "Disabled". */
  abstract String done();

  @Override
  protected final int execute(GatewayClient gateway) {
    GatewayResponse response = send(gateway, "/api/v1/users/" + GatewayClient.pathSegment(user));
    if (!printedAsJson(response)) {
      out().println(done() + " user " + user + ".");
    }
    return ExitCodes.OK;
  }

  /** {@code zo users rm USER}. */
  @Command(name = "rm", description = "Delete a user and their tokens (not their data).")
  public static final class Remove extends UserActionCommand {
    @Override
    GatewayResponse send(GatewayClient gateway, String path) {
      return gateway.delete(path);
    }

    @Override
    String done() {
      return "Deleted";
    }
  }

  /** {@code zo users disable USER}. */
  @Command(name = "disable", description = "Refuse a user's tokens until enabled again.")
  public static final class Disable extends UserActionCommand {
    @Override
    GatewayResponse send(GatewayClient gateway, String path) {
      return gateway.post(path + "/disable", null);
    }

    @Override
    String done() {
      return "Disabled";
    }
  }

  /** {@code zo users enable USER}. */
  @Command(name = "enable", description = "Accept a disabled user's tokens again.")
  public static final class Enable extends UserActionCommand {
    @Override
    GatewayResponse send(GatewayClient gateway, String path) {
      return gateway.post(path + "/enable", null);
    }

    @Override
    String done() {
      return "Enabled";
    }
  }
}
