package dev.zoclone.cli.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.scheduler.AutomationAction;
import dev.zoclone.contract.scheduler.AutomationView;
import dev.zoclone.contract.scheduler.NewAutomation;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zo schedule add}: creates an automation and prints it with its next runs. */
@Command(
    name = "add",
    description = "Create an automation that fires on a recurrence rule.",
    footer = {
      "%nExamples:",
      "  zo schedule add --title standup --rrule 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' \\",
      "    --tz Europe/Berlin --dtstart 2026-01-05T09:00 --ask 'summarise my inbox'",
      "  zo schedule add --title report --every 'weekday at 9' --tz UTC --ask 'news?'",
      "  zo schedule add --title backup --rrule 'FREQ=DAILY' --tz UTC \\",
      "    --job shell --payload '{\"command\":\"backup.sh\"}'"
    })
public final class AddAutomationCommand extends GatewayCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--title", required = true, paramLabel = "TEXT", description = "A name.")
  private String title;

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
      names = "--exdate",
      paramLabel = "LOCAL",
      description = "A local date-time to leave out; repeatable.")
  private List<String> exdates;

  @Option(
      names = "--catch-up",
      paramLabel = "POLICY",
      description = "After downtime: skip, once (default) or all.")
  private String catchUp;

  @Option(names = "--paused", description = "Create it paused.")
  private boolean paused;

  @Option(
      names = "--payload",
      paramLabel = "JSON",
      description = "--job: the job's payload; otherwise extra data sent with each firing.")
  private String payload;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Target target;

  /** Exactly one of the four actions. */
  static final class Target {
    @Option(names = "--ask", paramLabel = "PROMPT", description = "Ask your agent this.")
    String ask;

    @Option(names = "--job", paramLabel = "KIND", description = "Submit a pool job of this kind.")
    String job;

    @Option(names = "--webhook", paramLabel = "URL", description = "POST a signed event here.")
    String webhook;

    @Option(names = "--kafka", paramLabel = "TOPIC", description = "Publish an event here.")
    String kafka;
  }

  @Option(
      names = "--secret",
      paramLabel = "SECRET",
      description = "--webhook: the HMAC-SHA256 key of the X-Zo-Signature header.")
  private String secret;

  @Override
  protected int execute(GatewayClient gateway) {
    NewAutomation request =
        new NewAutomation(
            title,
            rule.rule(err()),
            dtstart,
            tzid,
            exdates,
            action(),
            paused ? Boolean.FALSE : null,
            catchUp);
    GatewayResponse response = gateway.post(ScheduleCommand.AUTOMATIONS, request);
    if (!printedAsJson(response)) {
      AutomationPrinter.print(out(), response.read(AutomationView.class));
    }
    return ExitCodes.OK;
  }

  private AutomationAction action() {
    JsonNode extra = payload == null ? null : parse(payload);
    if (target.ask != null) {
      return new AutomationAction("ask", target.ask, null, null, null, extra);
    }
    if (target.job != null) {
      ObjectNode job = JSON.createObjectNode().put("kind", target.job);
      job.set("payload", extra == null ? JSON.createObjectNode() : extra);
      return new AutomationAction("job", null, null, null, null, job);
    }
    if (target.webhook != null) {
      return new AutomationAction("webhook", null, null, target.webhook, secret, extra);
    }
    return new AutomationAction("kafka", null, target.kafka, null, null, extra);
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new CliFailure(ExitCodes.USAGE, "--payload is not JSON: " + e.getMessage());
    }
  }
}
