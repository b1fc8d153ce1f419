package dev.zoclone.cli.schedule;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.IdPrefix;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.Times;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.scheduler.RunList;
import dev.zoclone.contract.scheduler.RunView;
import java.time.Instant;
import java.time.ZoneId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zo schedule runs ID}: an automation's fire history with status, newest first. */
@Command(name = "runs", description = "Show an automation's runs, newest first.")
public final class AutomationRunsCommand extends GatewayCommand {
  @Parameters(paramLabel = "ID", description = "The automation's id.")
  private String id;

  @Option(names = "--limit", paramLabel = "N", description = "At most this many. Default: 50.")
  private Integer limit;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response =
        IdPrefix.AUTOMATIONS.call(
            gateway,
            id,
            a ->
                gateway.get(
                    ScheduleCommand.AUTOMATIONS
                        + "/"
                        + GatewayClient.pathSegment(a)
                        + "/runs"
                        + (limit == null ? "" : "?limit=" + limit)));
    if (!printedAsJson(response)) {
      Instant now = Instant.now();
      ZoneId zone = ZoneId.systemDefault();
      TextTable table =
          new TextTable(
              "RUN", "OCCURRENCE (RULE'S TZ)", "FIRED AT", "AGE", "STATUS", "ATTEMPTS", "DETAIL");
      RunList runs = response.read(RunList.class);
      if (runs.runs() != null) {
        for (RunView run : runs.runs()) {
          table.row(
              run.id(),
              run.local(),
              Times.local(run.firedAt(), zone),
              Times.age(run.firedAt(), now),
              run.status(),
              Integer.toString(run.attempts()),
              run.detail());
        }
      }
      out().print(table.render());
    }
    return ExitCodes.OK;
  }
}
