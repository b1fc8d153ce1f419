package dev.zoclone.cli.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zo agents runs}: a page of the caller's agent runs, newest first. */
@Command(name = "runs", description = "List your agent runs, newest first.")
public final class ListAgentRunsCommand extends GatewayCommand {
  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Only runs in this status: QUEUED, RUNNING, SUCCEEDED, FAILED, ...")
  private String status;

  @Option(names = "--limit", paramLabel = "N", description = "Page size, 1..100. Default: 20.")
  private int limit = 20;

  @Option(names = "--cursor", paramLabel = "CURSOR", description = "Where the last page ended.")
  private String cursor;

  @Override
  protected int execute(GatewayClient gateway) {
    String path =
        "/api/v1/agents/runs?limit="
            + limit
            + (status == null ? "" : "&status=" + GatewayClient.pathSegment(status))
            + (cursor == null ? "" : "&cursor=" + GatewayClient.pathSegment(cursor));
    GatewayResponse response = gateway.get(path);
    if (!printedAsJson(response)) {
      JsonNode page = response.read(JsonNode.class);
      TextTable table = new TextTable("ID", "STATUS", "MODEL", "DURATION", "CREATED", "PROMPT");
      for (JsonNode run : page.path("runs")) {
        String prompt = run.path("prompt_excerpt").asText("").replace('\n', ' ');
        table.row(
            run.path("id").asText(),
            run.path("status").asText(),
            run.path("model_name").asText("default"),
            run.hasNonNull("duration_ms") ? run.get("duration_ms").asText() + " ms" : "-",
            run.path("created_at").asText(),
            prompt.length() <= 50 ? prompt : prompt.substring(0, 49) + "…");
      }
      out().print(table.render());
      if (page.hasNonNull("next_cursor")) {
        out().println("More: zo agents runs --cursor " + page.get("next_cursor").asText());
      }
    }
    return ExitCodes.OK;
  }
}
