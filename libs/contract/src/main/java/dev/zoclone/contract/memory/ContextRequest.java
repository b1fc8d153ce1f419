package dev.zoclone.contract.memory;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Asks for the context of a new message.
 *
 * @param message the new user message (recall runs on it)
 * @param tokenBudget how many tokens the recent turns may take
 * @param topK how many memories to recall (0 for none)
 */
public record ContextRequest(
    String message,
    @JsonProperty("token_budget") int tokenBudget,
    @JsonProperty("top_k") int topK) {}
