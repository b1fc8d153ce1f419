package dev.zoclone.agents.mcp.client;

import java.util.List;
import java.util.Map;

/**
 * A stored MCP server, decrypted, ready to connect to.
 *
 * @param name its name, the prefix of its tools in an ask
 * @param url its endpoint
 * @param transport {@code streamable_http} or {@code sse}
 * @param headers the headers sent with every request
 * @param enabledTools the tools that join an ask; all when empty
 */
public record McpConnection(
    String name,
    String url,
    String transport,
    Map<String, String> headers,
    List<String> enabledTools) {}
