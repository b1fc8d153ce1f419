package dev.zoclone.cli.schedule;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.Times;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.scheduler.AutomationList;
import dev.zoclone.contract.scheduler.AutomationView;
import java.time.ZoneId;
import picocli.CommandLine.Command;

/** {@code zo schedule ls}: the caller's automations with their next run. */
@Command(name = "ls", description = "List your automations.")
public final class ListAutomationsCommand extends GatewayCommand {

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response = gateway.get(ScheduleCommand.AUTOMATIONS);
    if (!printedAsJson(response)) {
      TextTable table =
          new TextTable("ID", "TITLE", "RULE", "TZ", "ACTION", "ACTIVE", "NEXT (LOCAL TIME)");
      ZoneId zone = ZoneId.systemDefault();
      AutomationList list = response.read(AutomationList.class);
      if (list.automations() != null) {
        for (AutomationView a : list.automations()) {
          table.row(
              a.id(),
              a.title(),
              a.rrule(),
              a.tzid(),
              a.action() == null ? null : a.action().type(),
              a.active() ? "yes" : "no",
              a.nextRuns() == null || a.nextRuns().isEmpty()
                  ? null
                  : Times.local(a.nextRuns().get(0).utc(), zone));
        }
      }
      out().print(table.render());
    }
    return ExitCodes.OK;
  }
}
