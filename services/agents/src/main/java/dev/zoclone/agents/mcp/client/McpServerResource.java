package dev.zoclone.agents.mcp.client;

import dev.zoclone.contract.mcp.McpServerCheck;
import dev.zoclone.contract.mcp.McpServerRequest;
import dev.zoclone.contract.mcp.McpServerView;
import dev.zoclone.platform.identity.CurrentCaller;
import io.modelcontextprotocol.client.McpSyncClient;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/mcp-servers}: the caller's own MCP servers, whose tools join their asks. */
@Path("/api/v1/mcp-servers")
@Tag(name = "MCP servers", description = "MCP servers whose tools join the caller's asks")
public class McpServerResource {
  private final McpServers servers;
  private final RemoteMcp remote;
  private final CurrentCaller caller;
  private final java.time.Duration timeout;

  public McpServerResource(
      McpServers servers,
      RemoteMcp remote,
      CurrentCaller caller,
      dev.zoclone.agents.mcp.McpConfig config) {
    this.servers = servers;
    this.remote = remote;
    this.caller = caller;
    this.timeout = config.client().listTimeout();
  }

  @GET
  @Operation(summary = "List your MCP servers (header values masked)")
  public Map<String, List<McpServerView>> list() {
    return Map.of("servers", servers.list(caller.userId()));
  }

  @GET
  @Path("/{name}")
  @Operation(summary = "One of your MCP servers (header values masked)")
  public McpServerView get(@PathParam("name") String name) {
    return servers.get(caller.userId(), name);
  }

  @PUT
  @Path("/{name}")
  @Operation(
      summary =
          "Add or replace an MCP server: {url, transport?, headers?, enabled_tools?, enabled?}")
  public McpServerView put(@PathParam("name") String name, McpServerRequest request) {
    return servers.put(caller.userId(), name, request);
  }

  @DELETE
  @Path("/{name}")
  @Operation(summary = "Remove an MCP server")
  public Response delete(@PathParam("name") String name) {
    servers.delete(caller.userId(), name);
    return Response.noContent().build();
  }

  @POST
  @Path("/{name}/test")
  @Operation(summary = "Connect to an MCP server and list its tools")
  public McpServerCheck test(@PathParam("name") String name) {
    McpConnection server = servers.connection(caller.userId(), name);
    long start = System.nanoTime();
    try {
      McpSyncClient client = remote.connect(server, timeout);
      try {
        List<String> tools =
            remote.tools(client).stream()
                .map(io.modelcontextprotocol.spec.McpSchema.Tool::name)
                .toList();
        return new McpServerCheck(true, elapsed(start), tools, null);
      } finally {
        client.close();
      }
    } catch (RuntimeException e) {
      return new McpServerCheck(false, elapsed(start), null, RemoteMcp.reason(e));
    }
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
