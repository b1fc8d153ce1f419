package dev.zoclone.cli.mcp;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.mcp.McpServerCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo mcp test <name>}: connects to the server and lists its tools. */
@Command(name = "test", description = "Connect to an MCP server and list its tools.")
public final class TestMcpServerCommand extends GatewayCommand {
  @Parameters(index = "0", description = "The server's name.")
  String name;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response =
        gateway.post("/api/v1/mcp-servers/" + GatewayClient.pathSegment(name) + "/test", null);
    McpServerCheck check = response.read(McpServerCheck.class);
    if (!printedAsJson(response)) {
      if (check.ok()) {
        out().println("ok (" + check.latencyMs() + " ms), " + check.tools().size() + " tools:");
        check.tools().forEach(tool -> out().println("  " + name + "__" + tool));
      } else {
        out().println("failed after " + check.latencyMs() + " ms: " + check.error());
      }
    }
    return check.ok() ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
