package dev.zoclone.cli.pool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
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
    GatewayResponse response =
        gateway.post("/api/v1/jobs/" + GatewayClient.pathSegment(id) + "/cancel", null);
    if (!printedAsJson(response)) {
      ShowJobCommand.print(out(), response.read(JsonNode.class));
    }
    return ExitCodes.OK;
  }
}
