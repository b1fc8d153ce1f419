package dev.zoclone.cli.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;

/** {@code zo tools}: what an ask can use. */
@Command(
    name = "tools",
    description = "The tools an ask can use.",
    subcommands = {ToolsCommand.ListTools.class})
public final class ToolsCommand {

  /** {@code zo tools ls}: every tool by group, with your MCP servers. */
  @Command(name = "ls", description = "List the tools an ask can use, by group.")
  public static final class ListTools extends GatewayCommand {
    @Override
    protected int execute(GatewayClient gateway) {
      GatewayResponse response = gateway.get("/api/v1/tools");
      if (!printedAsJson(response)) {
        JsonNode answer = response.read(JsonNode.class);
        TextTable table = new TextTable("GROUP", "TOOL", "CHANGES", "DESCRIPTION");
        for (JsonNode group : answer.path("groups")) {
          for (JsonNode tool : group.path("tools")) {
            table.row(
                group.path("name").asText(),
                tool.path("name").asText(),
                tool.path("read_only").asBoolean() ? "no" : "yes",
                tool.path("description").asText());
          }
        }
        out().print(table.render());
        JsonNode servers = answer.path("mcp_servers");
        if (!servers.isEmpty()) {
          StringBuilder names = new StringBuilder();
          servers.forEach(
              server -> names.append(names.length() == 0 ? "" : ", ").append(server.asText()));
          out().println("MCP servers (group mcp, tools as <server>__<tool>): " + names);
        }
      }
      return ExitCodes.OK;
    }
  }
}
