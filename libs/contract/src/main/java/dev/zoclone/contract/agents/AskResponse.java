package dev.zoclone.contract.agents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Answer of {@code POST /api/v1/ask}.
 *
 * @param output the answer: text, or a JSON object when an output format was given
 * @param conversationId the conversation the turn was appended to
 * @param modelName the model that answered (a fallback's name when one was used)
 * @param usage tokens used by every model call of this ask
 * @param toolCalls the tools the model called, in order
 * @param metadata what else the caller should know, e.g. {@code mcp_unavailable}: the MCP servers
 *     left out of this ask and why; absent when there is nothing to say
 */
public record AskResponse(
    JsonNode output,
    @JsonProperty("conversation_id") String conversationId,
    @JsonProperty("model_name") String modelName,
    Usage usage,
    @JsonProperty("tool_calls") List<ToolCallView> toolCalls,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> metadata) {

  /** An answer with nothing more to say. */
  public AskResponse(
      JsonNode output,
      String conversationId,
      String modelName,
      Usage usage,
      List<ToolCallView> toolCalls) {
    this(output, conversationId, modelName, usage, toolCalls, null);
  }

  /** Token counts. */
  public record Usage(
      @JsonProperty("input_tokens") int inputTokens,
      @JsonProperty("output_tokens") int outputTokens) {}

  /** One tool call and what the tool answered. */
  public record ToolCallView(String name, JsonNode arguments, String result) {}
}
