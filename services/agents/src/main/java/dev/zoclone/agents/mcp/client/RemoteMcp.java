package dev.zoclone.agents.mcp.client;

import dev.zoclone.agents.mcp.McpSchemaValidator;
import dev.zoclone.platform.egress.EgressPolicy;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Connects to a user's MCP server with the official SDK's client (Streamable HTTP or SSE): the URL
 * passes the egress policy first, redirects are not followed, and every request carries the
 * server's stored headers.
 */
@ApplicationScoped
public class RemoteMcp {
  /** Tools read from one server at most. */
  static final int MAX_TOOLS = 500;

  private final EgressPolicy egress;

  public RemoteMcp(EgressPolicy egress) {
    this.egress = egress;
  }

  /** An initialized client of {@code server}; each request may take {@code timeout}. */
  public McpSyncClient connect(McpConnection server, Duration timeout) {
    URI uri = URI.create(server.url());
    egress.check(uri);
    String base = uri.getScheme() + "://" + uri.getRawAuthority();
    String endpoint =
        (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    HttpRequest.Builder headers = HttpRequest.newBuilder();
    server.headers().forEach(headers::header);
    HttpClient.Builder http =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout);
    McpClientTransport transport =
        "sse".equals(server.transport())
            ? HttpClientSseClientTransport.builder(base)
                .sseEndpoint(endpoint)
                .clientBuilder(http)
                .requestBuilder(headers)
                .build()
            : HttpClientStreamableHttpTransport.builder(base)
                .endpoint(endpoint)
                .clientBuilder(http)
                .requestBuilder(headers)
                .build();
    McpSyncClient client =
        McpClient.sync(transport)
            .clientInfo(new McpSchema.Implementation("zoclone", "0.1.0"))
            .requestTimeout(timeout)
            .initializationTimeout(timeout)
            .jsonSchemaValidator(new McpSchemaValidator())
            .build();
    try {
      client.initialize();
      return client;
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** Every tool the server offers (all pages, at most {@link #MAX_TOOLS}). */
  public List<McpSchema.Tool> tools(McpSyncClient client) {
    List<McpSchema.Tool> tools = new ArrayList<>();
    String cursor = null;
    do {
      McpSchema.ListToolsResult page = client.listTools(cursor);
      tools.addAll(page.tools());
      cursor = page.nextCursor();
    } while (cursor != null && tools.size() < MAX_TOOLS);
    return tools.size() <= MAX_TOOLS ? tools : tools.subList(0, MAX_TOOLS);
  }

  /** A short reason an MCP server failed, for the model or the caller. */
  public static String reason(Throwable failure) {
    Throwable root = failure;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.util.concurrent.TimeoutException
          || cause instanceof java.net.http.HttpTimeoutException) {
        return "it did not answer in time";
      }
      if (cause instanceof java.net.ConnectException
          || cause instanceof java.nio.channels.ClosedChannelException) {
        return "it is not reachable";
      }
      if (cause instanceof dev.zoclone.platform.egress.EgressRefusedException) {
        return cause.getMessage();
      }
      root = cause;
      if (cause.getCause() == cause) {
        break;
      }
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.length() <= 300 ? message : message.substring(0, 300);
  }
}
