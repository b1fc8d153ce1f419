package dev.zoclone.agents.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.agents.tool.Tool;
import dev.zoclone.agents.tool.Tool.ToolContext;
import dev.zoclone.agents.tool.ToolRegistry;
import dev.zoclone.agents.tool.ToolRunner;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpRequestHandler;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ListToolsResult;
import io.modelcontextprotocol.spec.McpSchema.PaginatedRequest;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code tools/list} (a page at a time) and {@code tools/call} over the tool registry: every tool
 * runs as the session's user, a failed call is a result with {@code isError}, and a long tool
 * reports progress when the client sent a progress token.
 */
@ApplicationScoped
public class McpTools {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> DESTRUCTIVE = List.of("_delete", "_forget", "_cancel", "_stop");

  private final ToolRegistry registry;
  private final ToolRunner runner;
  private final McpJsonMapper mapper;
  private final int pageSize;

  public McpTools(
      ToolRegistry registry, ToolRunner runner, McpJsonMapper mapper, McpConfig config) {
    this.registry = registry;
    this.runner = runner;
    this.mapper = mapper;
    this.pageSize = config.pageSize();
  }

  /** The handler of {@code tools/list}. */
  McpRequestHandler<ListToolsResult> list() {
    return (exchange, params) ->
        Mono.fromCallable(
            () -> {
              PaginatedRequest request =
                  params == null
                      ? new PaginatedRequest(null)
                      : mapper.convertValue(params, PaginatedRequest.class);
              List<Tool> all = registry.all();
              int from = Pages.offset(request.cursor(), all.size());
              int to = Math.min(all.size(), from + pageSize);
              List<McpSchema.Tool> page =
                  all.subList(from, to).stream().map(McpTools::describe).toList();
              return new ListToolsResult(page, to < all.size() ? Pages.cursor(to) : null, null);
            });
  }

  /** The handler of {@code tools/call}. */
  McpRequestHandler<CallToolResult> call() {
    return (exchange, params) -> {
      CallToolRequest request = mapper.convertValue(params, CallToolRequest.class);
      Tool tool =
          registry
              .find(request.name())
              .orElseThrow(
                  () ->
                      McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                          .message("Unknown tool: " + request.name())
                          .build());
      JsonNode arguments =
          JSON.valueToTree(request.arguments() == null ? Map.of() : request.arguments());
      ToolContext context =
          new ToolContext(McpOwner.of(exchange), null, progress(exchange, request.progressToken()));
      return Mono.fromCallable(() -> runner.run(tool, tool.name(), context, arguments))
          .subscribeOn(Schedulers.boundedElastic())
          .map(
              text ->
                  new CallToolResult(
                      List.of(new TextContent(text)),
                      text.startsWith(ToolRunner.ERROR),
                      null,
                      null));
    };
  }

  private static Tool.Progress progress(McpAsyncServerExchange exchange, Object token) {
    if (token == null) {
      return Tool.Progress.NONE;
    }
    return (done, total, message) ->
        exchange
            .progressNotification(new ProgressNotification(token, done, total, message, null))
            .block();
  }

  @SuppressWarnings("unchecked")
  private static McpSchema.Tool describe(Tool tool) {
    boolean destructive = !tool.readOnly() && DESTRUCTIVE.stream().anyMatch(tool.name()::endsWith);
    return McpSchema.Tool.builder()
        .name(tool.name())
        .description(tool.specification().description())
        .inputSchema(JSON.convertValue(ToolRunner.inputSchema(tool), Map.class))
        .annotations(
            new ToolAnnotations(
                null,
                tool.readOnly(),
                destructive,
                tool.readOnly(),
                tool.group().equals("browser"),
                null))
        .build();
  }
}
