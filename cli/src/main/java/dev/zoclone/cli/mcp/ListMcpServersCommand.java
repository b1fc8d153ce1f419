package dev.zoclone.cli.mcp;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.mcp.McpServerView;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code zo mcp ls}: your MCP servers, header values masked. */
@Command(name = "ls", description = "List your MCP servers (header values masked).")
public final class ListMcpServersCommand extends GatewayCommand {
  /** The list route's answer. */
  record ServerList(List<McpServerView> servers) {}

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response = gateway.get("/api/v1/mcp-servers");
    if (!printedAsJson(response)) {
      TextTable table = new TextTable("NAME", "URL", "TRANSPORT", "HEADERS", "TOOLS", "ENABLED");
      response
          .read(ServerList.class)
          .servers()
          .forEach(
              server ->
                  table.row(
                      server.name(),
                      server.url(),
                      server.transport(),
                      server.headers().isEmpty()
                          ? "-"
                          : server.headers().entrySet().stream()
                              .map(header -> header.getKey() + "=" + header.getValue())
                              .collect(Collectors.joining(", ")),
                      server.enabledTools().isEmpty()
                          ? "all"
                          : String.join(",", server.enabledTools()),
                      server.enabled() ? "yes" : "no"));
      out().print(table.render());
    }
    return ExitCodes.OK;
  }
}
