package dev.zoclone.cli.schedule;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.scheduler.Occurrence;
import dev.zoclone.contract.scheduler.PreviewRequest;
import dev.zoclone.contract.scheduler.PreviewResponse;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zo schedule preview}: the first occurrences of a rule, local and UTC, nothing stored. */
@Command(
    name = "preview",
    description = "List a rule's next occurrences without creating anything.",
    footer = {
      "%nExample:",
      "  zo schedule preview --rrule 'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13' \\",
      "    --tz Europe/Berlin --dtstart 2026-01-01T09:00 --count 5"
    })
public final class PreviewCommand extends GatewayCommand {
  @ArgGroup(multiplicity = "1")
  private RuleChoice rule;

  @Option(
      names = {"--tz", "--tzid"},
      required = true,
      paramLabel = "ZONE",
      description = "IANA time zone, e.g. Europe/Berlin.")
  private String tzid;

  @Option(
      names = "--dtstart",
      paramLabel = "LOCAL",
      description = "First start, local in --tz, e.g. 2026-01-01T09:00. Default: now.")
  private String dtstart;

  @Option(
      names = "--count",
      paramLabel = "N",
      defaultValue = "10",
      description = "How many occurrences. Default: ${DEFAULT-VALUE}.")
  private int count;

  @Option(
      names = "--exdate",
      paramLabel = "LOCAL",
      description = "A local date-time to leave out; repeatable.")
  private List<String> exdates;

  @Override
  protected int execute(GatewayClient gateway) {
    PreviewRequest request = new PreviewRequest(rule.rule(err()), start(), tzid, exdates, count);
    GatewayResponse response = gateway.post(ScheduleCommand.AUTOMATIONS + "/preview", request);
    if (!printedAsJson(response)) {
      TextTable table = new TextTable("DAY", "LOCAL (" + tzid + ")", "UTC");
      List<Occurrence> occurrences = response.read(PreviewResponse.class).occurrences();
      if (occurrences != null) {
        for (Occurrence o : occurrences) {
          table.row(AutomationPrinter.weekday(o.local()), o.local(), o.utc());
        }
      }
      out().print(table.render());
    }
    return ExitCodes.OK;
  }

  /** --dtstart, else now in --tz to the minute, as {@code zo schedule add} defaults it. */
  private String start() {
    if (dtstart != null) {
      return dtstart;
    }
    java.time.ZoneId zone;
    try {
      zone = java.time.ZoneId.of(tzid);
    } catch (java.time.DateTimeException e) {
      zone = java.time.ZoneOffset.UTC; // the gateway names the bad --tz in its answer
    }
    return java.time.LocalDateTime.now(zone)
        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
        .toString();
  }
}
