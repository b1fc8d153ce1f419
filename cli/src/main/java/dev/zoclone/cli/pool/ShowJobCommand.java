package dev.zoclone.cli.pool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.IdPrefix;
import dev.zoclone.cli.Times;
import dev.zoclone.cli.Watch;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zo jobs show ID}: one job with its result or error. */
@Command(name = "show", description = "Show a job: status, attempts, node, result, error.")
public final class ShowJobCommand extends GatewayCommand {
  @Parameters(paramLabel = "ID", description = "The job's id or a unique prefix of it.")
  private String id;

  @Option(
      names = {"-w", "--watch"},
      description = "Show it again as it changes, until it ends.")
  private boolean watch;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse first =
        IdPrefix.JOBS.call(
            gateway, id, job -> gateway.get("/api/v1/jobs/" + GatewayClient.pathSegment(job)));
    if (!watch) {
      if (!printedAsJson(first)) {
        print(out(), first.read(JsonNode.class));
      }
      return ExitCodes.OK;
    }
    String path =
        "/api/v1/jobs/"
            + GatewayClient.pathSegment(first.read(JsonNode.class).path("id").asText(id));
    GatewayResponse[] next = {first};
    Watch.run(
        out(),
        () -> {
          GatewayResponse response = next[0] != null ? next[0] : gateway.get(path);
          next[0] = null;
          JsonNode job = response.read(JsonNode.class);
          boolean ended = EndedStatuses.JOBS.contains(job.path("status").asText());
          if (json()) {
            return new Watch.View(format(response) + "\n", response.body(), ended);
          }
          StringWriter text = new StringWriter();
          PrintWriter writer = new PrintWriter(text);
          print(writer, job);
          writer.flush();
          return new Watch.View(text.toString(), response.body(), ended);
        });
    return ExitCodes.OK;
  }

  /** The job as {@code zo jobs show} and the job actions print it. */
  static void print(PrintWriter out, JsonNode job) {
    out.println("Job " + job.path("id").asText() + " (" + job.path("kind").asText() + ")");
    String status = job.path("status").asText();
    out.println("  status:   " + status + meaning(status));
    out.println("  priority: " + job.path("priority").asInt());
    out.println(
        "  attempts: " + job.path("attempts").asInt() + "/" + job.path("max_attempts").asInt());
    JsonNode payload = job.path("payload");
    if ("shell".equals(job.path("kind").asText()) && payload.hasNonNull("command")) {
      StringBuilder command = new StringBuilder(payload.get("command").asText());
      payload.path("args").forEach(a -> command.append(' ').append(a.asText()));
      out.println("  command:  " + command);
    }
    ZoneId zone = ZoneId.systemDefault();
    for (String[] time :
        new String[][] {
          {"created_at", "created: "}, {"started_at", "started: "}, {"finished_at", "finished:"}
        }) {
      if (job.hasNonNull(time[0])) {
        out.println("  " + time[1] + " " + Times.local(job.get(time[0]).asText(), zone));
      }
    }
    if (job.hasNonNull("waiting_for")) {
      out.println("  waiting:  " + job.get("waiting_for").asText());
    }
    if (job.hasNonNull("node_id")) {
      out.println("  node:     " + job.get("node_id").asText());
    }
    if (job.hasNonNull("error")) {
      out.println("  error:    " + job.get("error").asText());
    }
    printResult(out, job.path("result"));
  }

  /** A shell job's exit code and its output as text; any other result as JSON. */
  private static void printResult(PrintWriter out, JsonNode result) {
    if (result.isMissingNode() || result.isNull()) {
      return;
    }
    if (!result.has("stdout") && !result.has("stderr")) {
      out.println("  result:   " + result);
      return;
    }
    if (result.has("exit_code")) {
      out.println("  exit:     " + result.get("exit_code").asInt());
    }
    for (String stream : new String[] {"stdout", "stderr"}) {
      String text = result.path(stream).asText("");
      if (!text.isEmpty()) {
        out.println("  " + stream + ":");
        text.lines().forEach(line -> out.println("    " + line));
      }
    }
  }

  /** What FAILED and DEAD mean, which users confuse. */
  private static String meaning(String status) {
    return switch (status) {
      case "FAILED" -> " (failed in a way retrying cannot fix; zo jobs retry runs it anew)";
      case "DEAD" -> " (every attempt failed; zo jobs retry runs it anew)";
      default -> "";
    };
  }
}
