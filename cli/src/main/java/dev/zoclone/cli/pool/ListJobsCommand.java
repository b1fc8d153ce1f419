package dev.zoclone.cli.pool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zo jobs ls [--status S]}: the caller's newest jobs. */
@Command(name = "ls", description = "List your newest jobs.")
public final class ListJobsCommand extends GatewayCommand {
  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Only jobs in this status, e.g. DEAD.")
  private String status;

  @Override
  protected int execute(GatewayClient gateway) {
    String query =
        status == null ? "" : "?status=" + URLEncoder.encode(status, StandardCharsets.UTF_8);
    GatewayResponse response = gateway.get("/api/v1/jobs" + query);
    if (!printedAsJson(response)) {
      TextTable table = new TextTable("ID", "KIND", "STATUS", "PRIORITY", "ATTEMPTS", "NODE");
      for (JsonNode job : response.read(JsonNode.class).path("jobs")) {
        table.row(
            job.path("id").asText(),
            job.path("kind").asText(),
            job.path("status").asText(),
            job.path("priority").asText(),
            job.path("attempts").asInt() + "/" + job.path("max_attempts").asInt(),
            job.path("node_id").asText(null));
      }
      out().print(table.render());
    }
    return ExitCodes.OK;
  }
}
