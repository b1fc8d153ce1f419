package dev.zoclone.agents.mcp.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.zoclone.agents.tool.Tool;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One tool of a user's MCP server in an ask, named {@code <server>__<tool>}: a call connects to the
 * server, calls the tool and reads its text back; a failure or an error result is a short {@code
 * error:} text for the model.
 */
final class RemoteTool implements Tool {
  /** The group every remote tool belongs to; {@code tools: ["mcp"]} selects them. */
  static final String GROUP = "mcp";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RemoteMcp remote;
  private final McpConnection server;
  private final McpSchema.Tool tool;
  private final String name;
  private final Duration timeout;

  RemoteTool(RemoteMcp remote, McpConnection server, McpSchema.Tool tool, Duration timeout) {
    this.remote = remote;
    this.server = server;
    this.tool = tool;
    this.timeout = timeout;
    String full = server.name() + "__" + tool.name().replaceAll("[^A-Za-z0-9_-]", "_");
    this.name = full.length() <= 64 ? full : full.substring(0, 64);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String group() {
    return GROUP;
  }

  @Override
  public boolean readOnly() {
    return tool.annotations() != null && Boolean.TRUE.equals(tool.annotations().readOnlyHint());
  }

  @Override
  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name(name)
        .description(
            (tool.description() == null ? tool.name() : tool.description())
                + " (from the MCP server "
                + server.name()
                + ")")
        .parameters(SchemaConverter.parameters(tool.inputSchema()))
        .build();
  }

  @Override
  @SuppressWarnings("unchecked")
  public String execute(ToolContext context, JsonNode arguments) {
    McpSyncClient client = null;
    try {
      client = remote.connect(server, timeout);
      McpSchema.CallToolResult result =
          client.callTool(
              new McpSchema.CallToolRequest(
                  tool.name(), JSON.convertValue(arguments, Map.class), null));
      String text =
          result.content().stream()
              .map(
                  content ->
                      content instanceof McpSchema.TextContent t
                          ? t.text()
                          : "[" + content.type() + " content]")
              .collect(Collectors.joining("\n"));
      if (text.isEmpty() && result.structuredContent() != null) {
        text = JSON.valueToTree(result.structuredContent()).toString();
      }
      return Boolean.TRUE.equals(result.isError()) ? "error: " + text : text;
    } catch (RuntimeException e) {
      return "error: the MCP server " + server.name() + " failed: " + RemoteMcp.reason(e);
    } finally {
      if (client != null) {
        client.close();
      }
    }
  }
}
