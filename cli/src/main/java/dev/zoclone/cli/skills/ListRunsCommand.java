package dev.zoclone.cli.skills;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zo skills runs [--skill S] [--limit N]}: the caller's newest runs. */
@Command(name = "runs", description = "List your newest skill runs.")
public final class ListRunsCommand extends GatewayCommand {
  @Option(names = "--skill", paramLabel = "NAME", description = "Only runs of this skill.")
  private String skill;

  @Option(names = "--limit", paramLabel = "N", description = "How many (default 50).")
  private Integer limit;

  @Override
  protected int execute(GatewayClient gateway) {
    StringBuilder query = new StringBuilder();
    if (skill != null) {
      query.append("?skill=").append(GatewayClient.pathSegment(skill));
    }
    if (limit != null) {
      query.append(query.isEmpty() ? "?" : "&").append("limit=").append(limit);
    }
    GatewayResponse response = gateway.get("/api/v1/skills/runs" + query);
    if (!printedAsJson(response)) {
      TextTable table = new TextTable("RUN", "SKILL", "SCRIPT", "EXIT", "MS", "AT");
      for (JsonNode run : response.read(JsonNode.class).path("runs")) {
        table.row(
            run.path("run_id").asText(),
            run.path("skill").asText(),
            run.path("script").asText(),
            run.path("timed_out").asBoolean() ? "timeout" : run.path("exit_code").asText(),
            run.path("duration_ms").asText(),
            run.path("created_at").asText());
      }
      out().print(table.render());
    }
    return ExitCodes.OK;
  }
}
