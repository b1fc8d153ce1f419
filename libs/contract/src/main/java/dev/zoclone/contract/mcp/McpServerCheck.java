package dev.zoclone.contract.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Answer of {@code POST /api/v1/mcp-servers/{name}/test}: whether ZoClone could connect and which
 * tools the server offers.
 *
 * @param ok whether it connected and listed its tools
 * @param latencyMs how long connecting and listing took
 * @param tools the names of its tools, as the server spells them
 * @param error why it failed, when it did
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpServerCheck(
    boolean ok, @JsonProperty("latency_ms") long latencyMs, List<String> tools, String error) {}
