package dev.zoclone.agents.mcp;

import static dev.zoclone.agents.tool.route.ServiceRequest.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.agents.tool.route.ServiceRequest;
import dev.zoclone.agents.tool.route.ServiceRoutes;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpRequestHandler;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ListResourceTemplatesResult;
import io.modelcontextprotocol.spec.McpSchema.ListResourcesResult;
import io.modelcontextprotocol.spec.McpSchema.PaginatedRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The caller's memories and conversations as MCP resources ({@code zo://memories/{id}}, {@code
 * zo://conversations/{id}}), read through the memory service's routes as the caller. The list holds
 * the conversations, a page at a time; memories are read by id (memory has no list route).
 */
@ApplicationScoped
public class McpResources {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern URI = Pattern.compile("zo://(memories|conversations)/([^/?#]+)");
  private static final String JSON_TYPE = "application/json";

  private final ServiceRoutes routes;
  private final McpJsonMapper mapper;
  private final int pageSize;

  public McpResources(ServiceRoutes routes, McpJsonMapper mapper, McpConfig config) {
    this.routes = routes;
    this.mapper = mapper;
    this.pageSize = config.pageSize();
  }

  /** The handler of {@code resources/list}: the caller's conversations. */
  McpRequestHandler<ListResourcesResult> list() {
    return (exchange, params) -> {
      String owner = McpOwner.of(exchange);
      PaginatedRequest request =
          params == null
              ? new PaginatedRequest(null)
              : mapper.convertValue(params, PaginatedRequest.class);
      String path =
          "/api/v1/conversations?limit="
              + pageSize
              + (request.cursor() == null ? "" : "&cursor=" + segment(request.cursor()));
      return blocking(
          () -> {
            JsonNode page = read(owner, ServiceRequest.get("memory", path), "conversations");
            List<Resource> resources = new ArrayList<>();
            for (JsonNode conversation : page.path("conversations")) {
              String id = conversation.path("id").asText();
              String title = conversation.path("title").asText("");
              resources.add(
                  Resource.builder()
                      .uri("zo://conversations/" + id)
                      .name(title.isBlank() ? id : title)
                      .description(
                          "conversation of "
                              + conversation.path("message_count").asInt()
                              + " messages")
                      .mimeType(JSON_TYPE)
                      .build());
            }
            String next = page.path("next_cursor").asText(null);
            return new ListResourcesResult(resources, next, null);
          });
    };
  }

  /** The handler of {@code resources/templates/list}. */
  McpRequestHandler<ListResourceTemplatesResult> templates() {
    return (exchange, params) ->
        Mono.just(
            new ListResourceTemplatesResult(
                List.of(
                    ResourceTemplate.builder()
                        .uriTemplate("zo://memories/{id}")
                        .name("memory")
                        .description("one of your memories, by id (memory_recall finds them)")
                        .mimeType(JSON_TYPE)
                        .build(),
                    ResourceTemplate.builder()
                        .uriTemplate("zo://conversations/{id}")
                        .name("conversation")
                        .description("one of your conversations: messages and summary")
                        .mimeType(JSON_TYPE)
                        .build()),
                null,
                null));
  }

  /** The handler of {@code resources/read}. */
  McpRequestHandler<ReadResourceResult> read() {
    return (exchange, params) -> {
      String owner = McpOwner.of(exchange);
      ReadResourceRequest request = mapper.convertValue(params, ReadResourceRequest.class);
      Matcher uri = URI.matcher(request.uri());
      if (!uri.matches()) {
        return Mono.error(McpError.RESOURCE_NOT_FOUND.apply(request.uri()));
      }
      String path = "/api/v1/" + uri.group(1) + "/" + segment(uri.group(2));
      return blocking(
          () -> {
            JsonNode found = read(owner, ServiceRequest.get("memory", path), request.uri());
            return new ReadResourceResult(
                List.of(new TextResourceContents(request.uri(), JSON_TYPE, found.toString(), null)),
                null);
          });
    };
  }

  /** The route's JSON; a 404 is the spec's resource-not-found, any other failure an error. */
  private JsonNode read(String owner, ServiceRequest request, String what) {
    ServiceRoutes.Answer answer = routes.send(owner, request);
    if (answer.status() == 404) {
      throw McpError.RESOURCE_NOT_FOUND.apply(what);
    }
    if (!answer.ok()) {
      throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
          .message(
              answer.failure() != null ? answer.failure() : ServiceRoutes.problem(answer.body()))
          .build();
    }
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
          .message("memory answered no JSON")
          .build();
    }
  }

  static <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
    return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
  }
}
