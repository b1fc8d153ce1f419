package dev.zoclone.cli.pool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.IdPrefix;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code zo jobs logs ID}: a shell job's output as it ran it, stdout to stdout and stderr to
 * stderr; the pool keeps a shell job's output in its result when the job ends.
 */
@Command(name = "logs", description = "Print a finished shell job's stdout and stderr.")
public final class JobLogsCommand extends GatewayCommand {
  @Parameters(paramLabel = "ID", description = "The job's id or a unique prefix of it.")
  private String id;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response =
        IdPrefix.JOBS.call(
            gateway, id, job -> gateway.get("/api/v1/jobs/" + GatewayClient.pathSegment(job)));
    JsonNode job = response.read(JsonNode.class);
    JsonNode result = job.path("result");
    if (!result.has("stdout") && !result.has("stderr")) {
      String status = job.path("status").asText();
      throw new CliFailure(
          ExitCodes.FAILURE,
          "job "
              + job.path("id").asText(id)
              + " ("
              + job.path("kind").asText()
              + ", "
              + status
              + ") has no output: "
              + (EndedStatuses.JOBS.contains(status)
                  ? "only shell jobs keep theirs; zo jobs show prints its result"
                  : "a shell job's output is kept when it ends; zo jobs show -w waits for that"));
    }
    out().print(result.path("stdout").asText(""));
    out().flush();
    err().print(result.path("stderr").asText(""));
    err().flush();
    return ExitCodes.OK;
  }
}
