package dev.zoclone.cli.schedule;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.IdPrefix;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.Times;
import dev.zoclone.cli.Watch;
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
@Command(
    name = "runs",
    description = "Show an automation's runs, newest first.",
    footer = {
      "%nATTEMPTS counts a webhook's deliveries (- when none was made: ask and job",
      "runs are sent on once, on Kafka)."
    })
public final class AutomationRunsCommand extends GatewayCommand {
  @Parameters(paramLabel = "ID", description = "The automation's id.")
  private String id;

  @Option(names = "--limit", paramLabel = "N", description = "At most this many. Default: 50.")
  private Integer limit;

  @Option(
      names = {"-w", "--watch"},
      description = "Show the runs again as they change, until Ctrl-C.")
  private boolean watch;

  @Override
  protected int execute(GatewayClient gateway) {
    String[] automation = {id};
    GatewayResponse first =
        IdPrefix.AUTOMATIONS.call(
            gateway,
            id,
            a -> {
              GatewayResponse response = gateway.get(runsPath(a));
              automation[0] = a;
              return response;
            });
    if (!watch) {
      if (!printedAsJson(first)) {
        out().print(table(first));
      }
      return ExitCodes.OK;
    }
    GatewayResponse[] next = {first};
    Watch.run(
        out(),
        () -> {
          GatewayResponse response =
              next[0] != null ? next[0] : gateway.get(runsPath(automation[0]));
          next[0] = null;
          String text = json() ? format(response) + "\n" : table(response);
          return new Watch.View(text, response.body(), false);
        });
    return ExitCodes.OK;
  }

  private String runsPath(String automation) {
    return ScheduleCommand.AUTOMATIONS
        + "/"
        + GatewayClient.pathSegment(automation)
        + "/runs"
        + (limit == null ? "" : "?limit=" + limit);
  }

  private String table(GatewayResponse response) {
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
            run.attempts() == 0 ? null : Integer.toString(run.attempts()),
            run.detail());
      }
    }
    return table.render();
  }
}
