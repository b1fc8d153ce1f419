package dev.zoclone.cli.pool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo jobs show ID}: one job with its result or error. */
@Command(name = "show", description = "Show a job: status, attempts, node, result, error.")
public final class ShowJobCommand extends GatewayCommand {
  @Parameters(paramLabel = "ID", description = "The job's id.")
  private String id;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response = gateway.get("/api/v1/jobs/" + GatewayClient.pathSegment(id));
    if (!printedAsJson(response)) {
      print(out(), response.read(JsonNode.class));
    }
    return ExitCodes.OK;
  }

  /** The job as {@code zo jobs show} and the job actions print it. */
  static void print(PrintWriter out, JsonNode job) {
    out.println("Job " + job.path("id").asText() + " (" + job.path("kind").asText() + ")");
    out.println("  status:   " + job.path("status").asText());
    out.println("  priority: " + job.path("priority").asInt());
    out.println(
        "  attempts: " + job.path("attempts").asInt() + "/" + job.path("max_attempts").asInt());
    if (job.hasNonNull("waiting_for")) {
      out.println("  waiting:  " + job.get("waiting_for").asText());
    }
    if (job.hasNonNull("node_id")) {
      out.println("  node:     " + job.get("node_id").asText());
    }
    if (job.hasNonNull("error")) {
      out.println("  error:    " + job.get("error").asText());
    }
    if (job.hasNonNull("result")) {
      out.println("  result:   " + job.get("result"));
    }
  }
}
