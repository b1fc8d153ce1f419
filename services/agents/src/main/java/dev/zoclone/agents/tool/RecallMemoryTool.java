package dev.zoclone.agents.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.agents.client.MemoryClient;
import dev.zoclone.contract.memory.RecallRequest;
import dev.zoclone.contract.memory.RecalledMemory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;

/** Lets the model search the user's memories by meaning. */
@ApplicationScoped
public class RecallMemoryTool implements Tool {
  private final MemoryClient memory;

  public RecallMemoryTool(MemoryClient memory) {
    this.memory = memory;
  }

  @Override
  public String name() {
    return "recall_memory";
  }

  @Override
  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name(name())
        .description("Searches the user's saved memories by meaning and returns the best matches")
        .parameters(
            JsonObjectSchema.builder()
                .addStringProperty("query", "what to look for")
                .addIntegerProperty("top_k", "how many memories to return (default 5)")
                .required("query")
                .build())
        .build();
  }

  @Override
  public String execute(ToolContext context, JsonNode arguments) {
    String query = arguments.path("query").asText("");
    if (query.isBlank()) {
      return "error: query is required";
    }
    int topK = arguments.path("top_k").asInt(5);
    List<RecalledMemory> found =
        memory.recall(context.owner(), new RecallRequest(query, topK, null)).results();
    if (found.isEmpty()) {
      return "no memories found";
    }
    return found.stream().map(m -> "- " + m.content()).collect(Collectors.joining("\n"));
  }
}
