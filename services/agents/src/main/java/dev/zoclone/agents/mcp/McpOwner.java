package dev.zoclone.agents.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import java.util.Map;

/** The user an MCP request runs as, carried in the SDK's transport context. */
final class McpOwner {
  private static final String KEY = "zo.owner";

  private McpOwner() {}

  /** The transport context of a request made by {@code owner}. */
  static McpTransportContext context(String owner) {
    return McpTransportContext.create(Map.of(KEY, owner));
  }

  /** The user of the request {@code exchange} answers. */
  static String of(McpAsyncServerExchange exchange) {
    Object owner = exchange.transportContext().get(KEY);
    if (owner == null) {
      throw new IllegalStateException("an MCP request without its user");
    }
    return owner.toString();
  }
}
