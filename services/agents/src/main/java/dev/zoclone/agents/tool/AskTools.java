package dev.zoclone.agents.tool;

import dev.zoclone.agents.mcp.client.RemoteTools;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tools of one ask: the platform's groups it names (all when it names none) and, unless it
 * names groups without {@code mcp}, the tools of the caller's MCP servers as {@code
 * <server>__<tool>}. Servers that could not be reached are named with the reason.
 */
@ApplicationScoped
public class AskTools {
  /** The group name that selects the caller's MCP servers' tools. */
  public static final String MCP = "mcp";

  private final ToolRegistry registry;
  private final RemoteTools remote;

  public AskTools(ToolRegistry registry, RemoteTools remote) {
    this.registry = registry;
    this.remote = remote;
  }

  /** The tools offered, and each MCP server left out with the reason. */
  public record Selection(List<Tool> tools, Map<String, String> unavailable) {}

  /** The tools of {@code owner}'s ask that names {@code names} (null for all). */
  public Selection select(String owner, List<String> names) {
    List<String> platform =
        names == null ? null : names.stream().filter(name -> !MCP.equals(name)).toList();
    List<Tool> tools = new ArrayList<>(registry.select(platform));
    if (names != null && !names.contains(MCP)) {
      return new Selection(tools, Map.of());
    }
    RemoteTools.Toolset remoteTools = remote.forAsk(owner);
    tools.addAll(remoteTools.tools());
    return new Selection(tools, remoteTools.unavailable());
  }
}
