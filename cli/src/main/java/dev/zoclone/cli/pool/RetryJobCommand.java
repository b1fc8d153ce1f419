package dev.zoclone.cli.pool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.IdPrefix;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo jobs retry ID}: Run a DEAD or FAILED job again with fresh attempts. */
@Command(name = "retry", description = "Run a DEAD or FAILED job again with fresh attempts.")
public final class RetryJobCommand extends GatewayCommand {
  @Parameters(paramLabel = "ID", description = "The job's id.")
  private String id;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response =
        IdPrefix.JOBS.call(
            gateway,
            id,
            job -> gateway.post("/api/v1/jobs/" + GatewayClient.pathSegment(job) + "/retry", null));
    if (!printedAsJson(response)) {
      ShowJobCommand.print(out(), response.read(JsonNode.class));
    }
    return ExitCodes.OK;
  }
}
