package dev.zoclone.agents.tool;

import dev.zoclone.agents.mcp.client.McpServers;
import dev.zoclone.platform.identity.CurrentCaller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/tools}: what an ask can use, by group, and the caller's MCP servers. */
@Path("/api/v1/tools")
@Tag(name = "Tools", description = "The tools an ask or an MCP client can use")
public class ToolsResource {
  private final ToolRegistry registry;
  private final McpServers servers;
  private final CurrentCaller caller;

  public ToolsResource(ToolRegistry registry, McpServers servers, CurrentCaller caller) {
    this.registry = registry;
    this.servers = servers;
    this.caller = caller;
  }

  /** One tool as listed. */
  public record ToolView(
      String name,
      String description,
      @com.fasterxml.jackson.annotation.JsonProperty("read_only") boolean readOnly) {}

  /** One group and its tools. */
  public record GroupView(String name, List<ToolView> tools) {}

  /** The answer. */
  public record ToolList(
      List<GroupView> groups,
      @com.fasterxml.jackson.annotation.JsonProperty("mcp_servers") List<String> mcpServers) {}

  @GET
  @Operation(summary = "List the tools an ask can use, by group, and your MCP servers")
  public ToolList list() {
    List<GroupView> groups = new ArrayList<>();
    for (String group : ToolRegistry.GROUPS) {
      List<ToolView> tools =
          registry.all().stream()
              .filter(tool -> tool.group().equals(group))
              .map(
                  tool ->
                      new ToolView(
                          tool.name(), tool.specification().description(), tool.readOnly()))
              .toList();
      if (!tools.isEmpty()) {
        groups.add(new GroupView(group, tools));
      }
    }
    List<String> mcp =
        servers.list(caller.userId()).stream()
            .filter(server -> server.enabled())
            .map(server -> server.name())
            .toList();
    return new ToolList(groups, mcp);
  }
}
