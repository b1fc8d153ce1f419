package dev.zoclone.agents.tool.memory;

import static dev.zoclone.agents.tool.route.ServiceRequest.segment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.agents.tool.Tool;
import dev.zoclone.agents.tool.ToolGroup;
import dev.zoclone.agents.tool.route.Args;
import dev.zoclone.agents.tool.route.RouteTool;
import dev.zoclone.agents.tool.route.ServiceRequest;
import dev.zoclone.agents.tool.route.ServiceRoutes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The memory group: save, recall and forget the caller's memories (the memory service's routes).
 */
@ApplicationScoped
public class MemoryTools implements ToolGroup {
  private static final String MEMORY = "memory";
  private final List<Tool> tools;

  public MemoryTools(ServiceRoutes routes) {
    JsonObjectSchema meta =
        JsonObjectSchema.builder()
            .description("string labels, e.g. {\"topic\": \"travel\"}")
            .additionalProperties(true)
            .build();
    this.tools =
        List.of(
            new RouteTool(
                routes,
                "memory_save",
                false,
                "Saves a fact worth remembering about the user or their work; answers its id"
                    + " (or the id of the memory it duplicates)",
                JsonObjectSchema.builder()
                    .addStringProperty("content", "the fact to remember, as one sentence")
                    .addProperty("meta", meta)
                    .required("content")
                    .build(),
                (context, arguments) -> {
                  ObjectNode body = Args.bodyWithout(arguments);
                  Args.required(arguments, "content");
                  ObjectNode labels =
                      body.path("meta").isObject()
                          ? (ObjectNode) body.get("meta")
                          : body.putObject("meta");
                  labels.put("source", "agent");
                  if (context.conversationId() != null) {
                    labels.put("conversation_id", context.conversationId());
                  }
                  return new ServiceRequest(MEMORY, "POST", "/api/v1/memories", body);
                }),
            new RouteTool(
                routes,
                "memory_recall",
                true,
                "Searches the user's saved memories by meaning and returns the best matches with"
                    + " their ids and scores",
                JsonObjectSchema.builder()
                    .addStringProperty("query", "what to look for")
                    .addIntegerProperty("top_k", "how many memories to return (default 5)")
                    .addProperty(
                        "filter",
                        JsonObjectSchema.builder()
                            .description("only memories whose meta has these values")
                            .additionalProperties(true)
                            .build())
                    .required("query")
                    .build(),
                (context, arguments) -> {
                  Args.required(arguments, "query");
                  return new ServiceRequest(
                      MEMORY, "POST", "/api/v1/memories/recall", Args.bodyWithout(arguments));
                }),
            new RouteTool(
                routes,
                "memory_forget",
                false,
                "Deletes one of the user's memories by its id (from memory_recall)",
                JsonObjectSchema.builder()
                    .addStringProperty("id", "the memory's id")
                    .required("id")
                    .build(),
                (context, arguments) ->
                    new ServiceRequest(
                        MEMORY,
                        "DELETE",
                        "/api/v1/memories/" + segment(Args.required(arguments, "id")),
                        null)));
  }

  @Override
  public List<Tool> tools() {
    return tools;
  }
}
