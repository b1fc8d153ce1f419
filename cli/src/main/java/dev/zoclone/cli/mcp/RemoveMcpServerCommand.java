package dev.zoclone.cli.mcp;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo mcp rm <name>}: removes an MCP server. */
@Command(name = "rm", description = "Remove an MCP server.")
public final class RemoveMcpServerCommand extends GatewayCommand {
  @Parameters(index = "0", description = "The server's name.")
  String name;

  @Override
  protected int execute(GatewayClient gateway) {
    gateway.delete("/api/v1/mcp-servers/" + GatewayClient.pathSegment(name));
    if (!json()) {
      out().println("MCP server " + name + " removed");
    }
    return ExitCodes.OK;
  }
}
