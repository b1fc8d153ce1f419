package dev.zoclone.agents.tool.route;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.agents.tool.Tool;

/**
 * A tool that is one call to a service's REST route: its arguments are the route's own fields, and
 * the route's JSON answer is what the model reads.
 */
public final class RouteTool implements Tool {
  private final String name;
  private final boolean readOnly;
  private final ToolSpecification specification;
  private final Mapping mapping;
  private final ServiceRoutes routes;

  /** Turns the model's arguments into the request; throws IllegalArgumentException when bad. */
  @FunctionalInterface
  public interface Mapping {
    ServiceRequest request(ToolContext context, JsonNode arguments);
  }

  public RouteTool(
      ServiceRoutes routes,
      String name,
      boolean readOnly,
      String description,
      JsonObjectSchema parameters,
      Mapping mapping) {
    this.routes = routes;
    this.name = name;
    this.readOnly = readOnly;
    this.specification =
        ToolSpecification.builder()
            .name(name)
            .description(description)
            .parameters(parameters)
            .build();
    this.mapping = mapping;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean readOnly() {
    return readOnly;
  }

  @Override
  public ToolSpecification specification() {
    return specification;
  }

  @Override
  public String execute(ToolContext context, JsonNode arguments) {
    ServiceRequest request;
    try {
      request = mapping.request(context, arguments);
    } catch (IllegalArgumentException e) {
      return "error: " + e.getMessage();
    }
    return routes.call(context.owner(), request);
  }
}
