package dev.zoclone.cli.schedule;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.IdPrefix;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.scheduler.AutomationView;
import dev.zoclone.contract.scheduler.NewAutomation;
import picocli.CommandLine.Parameters;

/** Base of {@code pause} and {@code resume}: a PATCH that only sets {@code active}. */
abstract class ActiveSwitch extends GatewayCommand {
  @Parameters(paramLabel = "ID", description = "The automation's id.")
  private String id;

  /** The value of {@code active} to send. */
  abstract boolean active();

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse current =
        IdPrefix.AUTOMATIONS.call(
            gateway,
            id,
            a -> gateway.get(ScheduleCommand.AUTOMATIONS + "/" + GatewayClient.pathSegment(a)));
    AutomationView before = current.read(AutomationView.class);
    if (before.active() == active()) {
      // a repeat changes nothing and is no failure, as cancelling a cancelled job is not
      if (!printedAsJson(current)) {
        out()
            .println(
                "Automation " + before.id() + " is already " + (active() ? "active." : "paused."));
      }
      return ExitCodes.OK;
    }
    NewAutomation patch = new NewAutomation(null, null, null, null, null, null, active(), null);
    GatewayResponse response =
        gateway.send(
            "PATCH",
            ScheduleCommand.AUTOMATIONS + "/" + GatewayClient.pathSegment(before.id()),
            patch);
    if (!printedAsJson(response)) {
      AutomationPrinter.print(out(), response.read(AutomationView.class));
    }
    return ExitCodes.OK;
  }
}
