package dev.zoclone.agents.mcp.client;

import dev.zoclone.agents.mcp.McpConfig;
import dev.zoclone.agents.tool.Tool;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The tools of the caller's enabled MCP servers for one ask: every server is asked for its tools at
 * once, each within {@code zo.agents.mcp.client.list-timeout}; one that is down, slow or refused is
 * left out and named in {@link Toolset#unavailable()}, never failing the ask.
 */
@ApplicationScoped
public class RemoteTools {
  private final McpServers servers;
  private final RemoteMcp remote;
  private final Duration listTimeout;
  private final Duration callTimeout;
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "mcp-client");
            thread.setDaemon(true);
            return thread;
          });

  public RemoteTools(McpServers servers, RemoteMcp remote, McpConfig config) {
    this.servers = servers;
    this.remote = remote;
    this.listTimeout = config.client().listTimeout();
    this.callTimeout = config.client().callTimeout();
  }

  void stop(@Observes ShutdownEvent event) {
    pool.shutdownNow();
  }

  /** The remote tools of an ask, and each server left out with the reason. */
  public record Toolset(List<Tool> tools, Map<String, String> unavailable) {}

  /** The tools of {@code owner}'s enabled MCP servers. */
  public Toolset forAsk(String owner) {
    List<McpConnection> enabled = servers.enabled(owner);
    Map<McpConnection, Future<List<McpSchema.Tool>>> listing = new LinkedHashMap<>();
    enabled.forEach(server -> listing.put(server, pool.submit(() -> list(server))));
    List<Tool> tools = new ArrayList<>();
    Map<String, String> unavailable = new LinkedHashMap<>();
    long deadline = System.nanoTime() + listTimeout.toNanos();
    listing.forEach(
        (server, future) -> {
          try {
            long left = Math.max(1, deadline - System.nanoTime());
            for (McpSchema.Tool tool : future.get(left, TimeUnit.NANOSECONDS)) {
              if (server.enabledTools().isEmpty() || server.enabledTools().contains(tool.name())) {
                tools.add(new RemoteTool(remote, server, tool, callTimeout));
              }
            }
          } catch (TimeoutException e) {
            future.cancel(true);
            unavailable.put(
                server.name(), "it did not answer within " + listTimeout.toMillis() + " ms");
          } catch (ExecutionException e) {
            unavailable.put(server.name(), RemoteMcp.reason(e.getCause()));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable.put(server.name(), "the ask was interrupted");
          }
        });
    return new Toolset(tools, unavailable);
  }

  private List<McpSchema.Tool> list(McpConnection server) {
    McpSyncClient client = remote.connect(server, listTimeout);
    try {
      return remote.tools(client);
    } finally {
      client.close();
    }
  }
}
