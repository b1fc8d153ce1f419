package dev.zoclone.contract.memory;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Starts a conversation and asks for the context of its first message, in one call.
 *
 * @param title the conversation's title (may be null)
 * @param message the first user message (recall runs on it)
 * @param tokenBudget how many tokens the recent turns may take
 * @param topK how many memories to recall (0 for none)
 */
public record StartConversation(
    String title,
    String message,
    @JsonProperty("token_budget") int tokenBudget,
    @JsonProperty("top_k") int topK) {}
