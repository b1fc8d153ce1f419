package dev.zoclone.cli.pool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.IdPrefix;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayProblem;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo jobs cancel ID}: Cancel a job; a running one is killed on its node. */
@Command(name = "cancel", description = "Cancel a job; a running one is killed on its node.")
public final class CancelJobCommand extends GatewayCommand {
  @Parameters(paramLabel = "ID", description = "The job's id.")
  private String id;

  @Override
  protected int execute(GatewayClient gateway) {
    return IdPrefix.JOBS.call(gateway, id, job -> cancel(gateway, job));
  }

  private int cancel(GatewayClient gateway, String job) {
    String path = "/api/v1/jobs/" + GatewayClient.pathSegment(job);
    GatewayResponse response;
    try {
      response = gateway.post(path + "/cancel", null);
    } catch (CliFailure failure) {
      // cancelling twice is no error: the job is as the caller wants it
      boolean finished =
          GatewayProblem.of(failure).filter(p -> p.status() == 409).isPresent()
              && "CANCELLED".equals(gateway.get(path).read(JsonNode.class).path("status").asText());
      if (!finished) {
        throw failure;
      }
      out().println("Job " + job + " is already cancelled.");
      return ExitCodes.OK;
    }
    if (!printedAsJson(response)) {
      ShowJobCommand.print(out(), response.read(JsonNode.class));
    }
    return ExitCodes.OK;
  }
}
