package dev.zoclone.cli.mcp;

import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.mcp.McpServerRequest;
import dev.zoclone.contract.mcp.McpServerView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zo mcp add <name> <url> [--header K=V]...}: stores (or replaces) an MCP server. */
@Command(name = "add", description = "Add or replace an MCP server (Streamable HTTP or SSE).")
public final class AddMcpServerCommand extends GatewayCommand {
  @Parameters(index = "0", description = "Its name; its tools join asks as <name>__<tool>.")
  String name;

  @Parameters(index = "1", description = "Its endpoint, e.g. https://mcp.example.com/mcp.")
  String url;

  @Option(
      names = "--header",
      description = "A header sent with every request, K=V (repeatable; stored encrypted).")
  List<String> headers = List.of();

  @Option(names = "--sse", description = "The server speaks the older SSE transport.")
  boolean sse;

  @Option(
      names = "--tool",
      description = "Only this tool joins asks (repeatable; all tools when none is named).")
  List<String> tools;

  @Option(names = "--disabled", description = "Store it without using it in asks.")
  boolean disabled;

  @Override
  protected int execute(GatewayClient gateway) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String header : headers) {
      int equals = header.indexOf('=');
      if (equals <= 0) {
        throw new CliFailure(ExitCodes.USAGE, "--header takes K=V, not '" + header + "'");
      }
      values.put(header.substring(0, equals).strip(), header.substring(equals + 1).strip());
    }
    McpServerRequest body =
        new McpServerRequest(
            url, sse ? "sse" : "streamable_http", values, tools, disabled ? Boolean.FALSE : null);
    GatewayResponse response =
        gateway.send("PUT", "/api/v1/mcp-servers/" + GatewayClient.pathSegment(name), body);
    if (!printedAsJson(response)) {
      McpServerView server = response.read(McpServerView.class);
      out().println("MCP server " + server.name() + " stored (" + server.url() + ")");
    }
    return ExitCodes.OK;
  }
}
