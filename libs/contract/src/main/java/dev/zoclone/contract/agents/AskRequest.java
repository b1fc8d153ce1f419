package dev.zoclone.contract.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Body of {@code POST /api/v1/ask}.
 *
 * @param input the user's message
 * @param conversationId the conversation to continue; a new one when null
 * @param modelName {@code <key name>:<model>}, or just a key name
 * @param personaId a persona whose system prompt leads the context
 * @param outputFormat a JSON Schema the answer must validate against
 * @param stream answer as server-sent events
 * @param tools names of the tools the model may call; all when null
 * @param fallbacks model names tried in order when the first fails
 * @param skills false turns the caller's skills off for this ask (not listed, no skill tools)
 * @param system a system prompt for this ask, in place of the persona's (or the default one)
 * @param temperature sampling temperature, 0 to 2; the provider's default when null
 * @param maxTokens most tokens the answer may take; the service's default when null
 */
public record AskRequest(
    String input,
    @JsonProperty("conversation_id") String conversationId,
    @JsonProperty("model_name") String modelName,
    @JsonProperty("persona_id") String personaId,
    @JsonProperty("output_format") JsonNode outputFormat,
    Boolean stream,
    List<String> tools,
    List<String> fallbacks,
    Boolean skills,
    String system,
    Double temperature,
    @JsonProperty("max_tokens") Integer maxTokens) {

  /** A request without the tuning fields (system, temperature, max tokens). */
  public AskRequest(
      String input,
      String conversationId,
      String modelName,
      String personaId,
      JsonNode outputFormat,
      Boolean stream,
      List<String> tools,
      List<String> fallbacks,
      Boolean skills) {
    this(
        input,
        conversationId,
        modelName,
        personaId,
        outputFormat,
        stream,
        tools,
        fallbacks,
        skills,
        null,
        null,
        null);
  }
}
