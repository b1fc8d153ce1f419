package dev.zoclone.agents.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.agents.client.MemoryClient;
import dev.zoclone.contract.memory.MemorizeRequest;
import dev.zoclone.contract.memory.MemorizeResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Lets the model save a fact about the user for later asks. */
@ApplicationScoped
public class SaveMemoryTool implements Tool {
  private final MemoryClient memory;

  public SaveMemoryTool(MemoryClient memory) {
    this.memory = memory;
  }

  @Override
  public String name() {
    return "save_memory";
  }

  @Override
  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name(name())
        .description("Saves a fact worth remembering about the user or their work")
        .parameters(
            JsonObjectSchema.builder()
                .addStringProperty("content", "the fact to remember, as one sentence")
                .required("content")
                .build())
        .build();
  }

  @Override
  public String execute(ToolContext context, JsonNode arguments) {
    String content = arguments.path("content").asText("");
    if (content.isBlank()) {
      return "error: content is required";
    }
    Map<String, String> meta =
        context.conversationId() == null
            ? Map.of("source", "agent")
            : Map.of("source", "agent", "conversation_id", context.conversationId());
    MemorizeResponse saved = memory.memorize(context.owner(), new MemorizeRequest(content, meta));
    return saved.deduplicatedOf() != null
        ? "already remembered as " + saved.deduplicatedOf()
        : "saved as " + saved.id();
  }
}
