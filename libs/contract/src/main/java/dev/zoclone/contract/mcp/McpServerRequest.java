package dev.zoclone.contract.mcp;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code PUT /api/v1/mcp-servers/{name}}: an MCP server the caller's asks may use.
 *
 * @param url the server's endpoint, http or https
 * @param transport {@code streamable_http} (the default) or {@code sse}
 * @param headers headers sent with every request, e.g. an Authorization; stored encrypted
 * @param enabledTools only these of its tools join an ask; all when null or empty
 * @param enabled false keeps the server but leaves it out of asks
 */
public record McpServerRequest(
    String url,
    String transport,
    Map<String, String> headers,
    @JsonProperty("enabled_tools") List<String> enabledTools,
    Boolean enabled) {}
