package dev.zoclone.contract.mcp;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An MCP server as listed: header values are masked, never shown.
 *
 * @param name its name; its tools join an ask as {@code <name>__<tool>}
 * @param url its endpoint
 * @param transport {@code streamable_http} or {@code sse}
 * @param headers each header's name with a masked value
 * @param enabledTools the tools that join an ask (all when empty)
 * @param enabled whether asks use it
 * @param createdAt when it was first stored
 * @param updatedAt when it was last changed
 */
public record McpServerView(
    String name,
    String url,
    String transport,
    Map<String, String> headers,
    @JsonProperty("enabled_tools") List<String> enabledTools,
    boolean enabled,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {}
