package dev.zoclone.cli.pool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.IdPrefix;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.Times;
import dev.zoclone.cli.Watch;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zo nodes}: lists the caller's compute-pool nodes and removes offline ones. */
@Command(
    name = "nodes",
    description = "Your compute-pool nodes.",
    subcommands = {NodesCommand.ListNodes.class, NodesCommand.RemoveNode.class})
public final class NodesCommand {
  /** {@code zo nodes ls}: OFFLINE nodes too, with when each was last seen. */
  @Command(name = "ls", description = "List your nodes, ONLINE and OFFLINE, with their load.")
  public static final class ListNodes extends GatewayCommand {
    @Option(
        names = {"-w", "--watch"},
        description = "Show the list again as it changes, until Ctrl-C.")
    private boolean watch;

    @Override
    protected int execute(GatewayClient gateway) {
      if (watch) {
        Watch.run(
            out(),
            () -> {
              GatewayResponse response = gateway.get("/api/v1/nodes");
              String text = json() ? format(response) + "\n" : table(response);
              return new Watch.View(text, response.body(), false);
            });
        return ExitCodes.OK;
      }
      GatewayResponse response = gateway.get("/api/v1/nodes");
      if (!printedAsJson(response)) {
        out().print(table(response));
      }
      return ExitCodes.OK;
    }

    private String table(GatewayResponse response) {
      Instant now = Instant.now();
      ZoneId zone = ZoneId.systemDefault();
      List<String> headers =
          new ArrayList<>(List.of("ID", "NAME", "STATUS", "SLOTS", "ACTIVE", "LAST SEEN", "AGE"));
      if (wide()) {
        headers.addAll(List.of("REGISTERED", "KINDS", "LABELS"));
      }
      TextTable table = new TextTable(headers.toArray(String[]::new));
      for (JsonNode node : response.read(JsonNode.class).path("nodes")) {
        String lastSeen = node.path("last_seen_at").asText(null);
        List<String> cells =
            new ArrayList<>(
                List.of(
                    node.path("id").asText(),
                    node.path("name").asText(),
                    node.path("status").asText(),
                    node.path("slots").asText(),
                    node.path("active_jobs").asText(),
                    Times.local(lastSeen, zone),
                    Times.age(lastSeen, now)));
        if (wide()) {
          List<String> labels = new ArrayList<>();
          node.path("labels")
              .fields()
              .forEachRemaining(e -> labels.add(e.getKey() + "=" + e.getValue().asText()));
          labels.sort(null);
          List<String> kinds = new ArrayList<>();
          node.path("kinds").forEach(kind -> kinds.add(kind.asText()));
          cells.add(Times.local(node.path("registered_at").asText(null), zone));
          cells.add(String.join(",", kinds));
          cells.add(String.join(",", labels));
        }
        table.row(cells.toArray(String[]::new));
      }
      return table.render();
    }
  }

  /** {@code zo nodes rm ID}: forgets an OFFLINE node. */
  @Command(name = "rm", description = "Remove an OFFLINE node (stop zo node on it first).")
  public static final class RemoveNode extends GatewayCommand {
    @Parameters(paramLabel = "ID", description = "The node's id or a unique prefix of it.")
    private String id;

    @Override
    protected int execute(GatewayClient gateway) {
      String removed =
          IdPrefix.NODES.call(
              gateway,
              id,
              node -> {
                gateway.delete("/api/v1/nodes/" + GatewayClient.pathSegment(node));
                return node;
              });
      if (!json()) {
        out().println("Removed node " + removed + ".");
      }
      return ExitCodes.OK;
    }
  }
}
