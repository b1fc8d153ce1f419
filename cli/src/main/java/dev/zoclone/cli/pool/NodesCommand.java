package dev.zoclone.cli.pool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code zo nodes}: lists the caller's compute-pool nodes ({@code zo nodes ls}). */
@Command(
    name = "nodes",
    description = "Your compute-pool nodes.",
    subcommands = {NodesCommand.ListNodes.class})
public final class NodesCommand {
  /** {@code zo nodes ls}. */
  @Command(name = "ls", description = "List your nodes with status, slots, active jobs and labels.")
  public static final class ListNodes extends GatewayCommand {
    @Override
    protected int execute(GatewayClient gateway) {
      GatewayResponse response = gateway.get("/api/v1/nodes");
      if (!printedAsJson(response)) {
        TextTable table =
            new TextTable("ID", "NAME", "STATUS", "SLOTS", "ACTIVE", "KINDS", "LABELS");
        for (JsonNode node : response.read(JsonNode.class).path("nodes")) {
          List<String> labels = new ArrayList<>();
          node.path("labels")
              .fields()
              .forEachRemaining(e -> labels.add(e.getKey() + "=" + e.getValue().asText()));
          labels.sort(null);
          List<String> kinds = new ArrayList<>();
          node.path("kinds").forEach(kind -> kinds.add(kind.asText()));
          table.row(
              node.path("id").asText(),
              node.path("name").asText(),
              node.path("status").asText(),
              node.path("slots").asText(),
              node.path("active_jobs").asText(),
              String.join(",", kinds),
              String.join(",", labels));
        }
        out().print(table.render());
      }
      return ExitCodes.OK;
    }
  }
}
