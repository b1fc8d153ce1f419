package dev.zoclone.cli.schedule;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.IdPrefix;
import dev.zoclone.cli.gateway.GatewayClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo schedule rm ID}: deletes an automation and its history. */
@Command(name = "rm", description = "Delete an automation and its run history.")
public final class RemoveAutomationCommand extends GatewayCommand {
  @Parameters(paramLabel = "ID", description = "The automation's id.")
  private String id;

  @Override
  protected int execute(GatewayClient gateway) {
    String deleted =
        IdPrefix.AUTOMATIONS.call(
            gateway,
            id,
            a -> {
              gateway.delete(ScheduleCommand.AUTOMATIONS + "/" + GatewayClient.pathSegment(a));
              return a;
            });
    if (!json()) {
      out().println("Deleted automation " + deleted + ".");
    }
    return ExitCodes.OK;
  }
}
