package dev.zoclone.cli.schedule;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.IdPrefix;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.scheduler.AutomationView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo schedule show ID}: one automation with its next runs. */
@Command(name = "show", description = "Show an automation and its next runs.")
public final class ShowAutomationCommand extends GatewayCommand {
  @Parameters(paramLabel = "ID", description = "The automation's id.")
  private String id;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response =
        IdPrefix.AUTOMATIONS.call(
            gateway,
            id,
            a -> gateway.get(ScheduleCommand.AUTOMATIONS + "/" + GatewayClient.pathSegment(a)));
    if (!printedAsJson(response)) {
      AutomationPrinter.print(out(), response.read(AutomationView.class));
    }
    return ExitCodes.OK;
  }
}
