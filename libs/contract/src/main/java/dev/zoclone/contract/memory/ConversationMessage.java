package dev.zoclone.contract.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One turn of a conversation.
 *
 * @param id the message id (null when appending)
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text of the turn
 * @param toolCalls the tool calls an assistant turn made, as JSON (may be null)
 * @param toolCallId the call a {@code tool} turn answers (may be null)
 * @param createdAt when it was appended (null when appending)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationMessage(
    String id,
    String role,
    String content,
    @JsonProperty("tool_calls") JsonNode toolCalls,
    @JsonProperty("tool_call_id") String toolCallId,
    @JsonProperty("created_at") Instant createdAt) {}
