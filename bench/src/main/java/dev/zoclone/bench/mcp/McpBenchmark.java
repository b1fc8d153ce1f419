package dev.zoclone.bench.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.bench.Benchmark;
import dev.zoclone.bench.Figure;
import dev.zoclone.bench.Load;
import dev.zoclone.bench.Stack;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.e2e.support.LocalPlatform.User;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ZoClone's MCP server through the gateway: {@code tools/call} of a cheap tool ({@code
 * memory_recall}) with the official SDK's client against the same REST route ({@code POST
 * /api/v1/memories/recall}), p50 at concurrency 1, and the size of the whole {@code tools/list}
 * (every page) in characters and in tokens, estimated as characters / 4. Size: {@code
 * bench.mcp.calls} (300 of each).
 */
public final class McpBenchmark implements Benchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "mcp";
  }

  @Override
  public List<Figure> run() throws Exception {
    int calls = size("calls", 300);
    List<Figure> figures = new ArrayList<>();
    try (LocalPlatform platform = Stack.platform("agents", "memory").start()) {
      Stack stack = new Stack(platform);
      User user = platform.newUser("mcp-bench");
      stack.call(
          user.token(),
          "POST",
          "/api/v1/memories",
          "{\"content\":\"The benchmark user drinks green tea every morning\"}");
      String body = "{\"query\":\"what does the user drink\",\"top_k\":5}";
      var rest = stack.client(user.token());
      McpSyncClient mcp =
          McpClient.sync(
                  HttpClientStreamableHttpTransport.builder(platform.gatewayUrl())
                      .endpoint("/mcp")
                      .requestBuilder(
                          HttpRequest.newBuilder()
                              .header("Authorization", "Bearer " + user.token()))
                      .build())
              .requestTimeout(Duration.ofMinutes(1))
              .build();
      mcp.initialize();
      try {
        McpSchema.CallToolRequest recall =
            new McpSchema.CallToolRequest(
                "memory_recall", Map.of("query", "what does the user drink", "top_k", 5), null);
        Load.run(30, 1, i -> rest.post("/api/v1/memories/recall", body));
        Load.run(30, 1, i -> mcp.callTool(recall));
        Load.Result restTimed =
            Load.run(
                calls,
                1,
                i -> {
                  if (rest.post("/api/v1/memories/recall", body).status() != 200) {
                    throw new IllegalStateException("recall failed over REST");
                  }
                });
        Load.Result mcpTimed =
            Load.run(
                calls,
                1,
                i -> {
                  if (Boolean.TRUE.equals(mcp.callTool(recall).isError())) {
                    throw new IllegalStateException("memory_recall failed over MCP");
                  }
                });
        figures.add(
            Figure.of(
                name(),
                "REST POST /api/v1/memories/recall p50 (p95 "
                    + Figure.format(restTimed.latencies().p95())
                    + " ms)",
                restTimed.latencies().p50(),
                "ms"));
        figures.add(
            Figure.of(
                name(),
                "MCP tools/call memory_recall p50 (p95 "
                    + Figure.format(mcpTimed.latencies().p95())
                    + " ms)",
                mcpTimed.latencies().p50(),
                "ms"));
        List<McpSchema.Tool> tools = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
          McpSchema.ListToolsResult page = mcp.listTools(cursor);
          tools.addAll(page.tools());
          cursor = page.nextCursor();
          pages++;
        } while (cursor != null);
        int chars = JSON.writeValueAsString(tools).length();
        figures.add(
            Figure.of(
                name(),
                "tools/list: " + tools.size() + " tools in " + pages + " pages",
                chars,
                "chars"));
        figures.add(
            Figure.of(
                name(),
                "tools/list size, estimated at 4 characters a token",
                chars / 4.0,
                "tokens"));
      } finally {
        mcp.closeGracefully();
      }
    }
    return figures;
  }
}
