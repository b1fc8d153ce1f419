package dev.zoclone.agents.support;

import dev.zoclone.agents.mcp.McpSchemaValidator;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real MCP server built with the official SDK (its Streamable HTTP servlet on Jetty) with two
 * tools: {@code forecast}, which answers at once and says whether the request carried the expected
 * Authorization header, and {@code slow}, which takes a minute.
 */
public final class SdkMcpServer implements AutoCloseable {
  private final Server jetty;
  private final McpSyncServer mcp;

  public SdkMcpServer(String expectedAuthorization) throws Exception {
    JacksonMcpJsonMapper mapper =
        new JacksonMcpJsonMapper(new com.fasterxml.jackson.databind.ObjectMapper());
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(mapper)
            .mcpEndpoint("/mcp")
            .contextExtractor(
                request ->
                    McpTransportContext.create(
                        Map.of(
                            "authorization", String.valueOf(request.getHeader("Authorization")))))
            .build();
    Map<String, Object> citySchema =
        Map.of(
            "type",
            "object",
            "properties",
            Map.of("city", Map.of("type", "string", "description", "the city")),
            "required",
            List.of("city"));
    this.mcp =
        McpServer.sync(transport)
            .serverInfo("weather", "1.0")
            .jsonMapper(mapper)
            .jsonSchemaValidator(new McpSchemaValidator())
            .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
            .tools(
                new SyncToolSpecification(
                    McpSchema.Tool.builder()
                        .name("forecast")
                        .description("Tomorrow's weather in a city")
                        .inputSchema(citySchema)
                        .build(),
                    (exchange, request) -> {
                      boolean authorized =
                          expectedAuthorization.equals(
                              exchange.transportContext().get("authorization"));
                      return new McpSchema.CallToolResult(
                          List.of(
                              new McpSchema.TextContent(
                                  authorized
                                      ? "Sunny in " + request.arguments().get("city")
                                      : "unauthorized")),
                          !authorized,
                          null,
                          null);
                    }),
                new SyncToolSpecification(
                    McpSchema.Tool.builder()
                        .name("slow")
                        .description("Takes a minute")
                        .inputSchema(Map.of("type", "object"))
                        .build(),
                    (exchange, request) -> {
                      try {
                        Thread.sleep(60_000);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return new McpSchema.CallToolResult(
                          List.of(new McpSchema.TextContent("finally")), false, null, null);
                    }))
            .build();
    this.jetty = new Server(0);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(transport), "/*");
    jetty.setHandler(context);
    jetty.start();
  }

  /** The server's MCP endpoint. */
  public String url() {
    return "http://127.0.0.1:"
        + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort()
        + "/mcp";
  }

  @Override
  public void close() throws Exception {
    mcp.closeGracefully();
    jetty.stop();
  }
}
