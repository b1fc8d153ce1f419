package dev.zoclone.agents.tool.conversations;

import static dev.zoclone.agents.tool.route.ServiceRequest.segment;

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
 * The conversations group: the caller's past conversations (the memory service's routes; it has no
 * search route yet, so the model lists them by title and reads one).
 */
@ApplicationScoped
public class ConversationTools implements ToolGroup {
  private final List<Tool> tools;

  public ConversationTools(ServiceRoutes routes) {
    this.tools =
        List.of(
            new RouteTool(
                routes,
                "conversations_list",
                true,
                "Lists the user's conversations, newest first, with their ids and titles",
                JsonObjectSchema.builder()
                    .addIntegerProperty("limit", "how many to list (default 20)")
                    .addStringProperty("cursor", "the next_cursor of the previous page")
                    .build(),
                (context, arguments) -> {
                  int limit = arguments.path("limit").asInt(20);
                  String cursor = arguments.path("cursor").asText("");
                  return ServiceRequest.get(
                      "memory",
                      "/api/v1/conversations?limit="
                          + limit
                          + (cursor.isBlank() ? "" : "&cursor=" + segment(cursor)));
                }),
            new RouteTool(
                routes,
                "conversations_read",
                true,
                "Reads one of the user's conversations: its messages and summary",
                JsonObjectSchema.builder()
                    .addStringProperty("id", "the conversation's id")
                    .required("id")
                    .build(),
                (context, arguments) ->
                    ServiceRequest.get(
                        "memory",
                        "/api/v1/conversations/" + segment(Args.required(arguments, "id")))));
  }

  @Override
  public List<Tool> tools() {
    return tools;
  }
}
