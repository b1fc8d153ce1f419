package dev.zoclone.contract.memory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A conversation's context for a new message.
 *
 * @param summary the rolling summary of turns no longer in the context (may be null)
 * @param messages the most recent turns that fit the token budget, oldest first
 * @param memories the memories recalled for the new message
 * @param overflow the oldest turns that are neither summarised nor in {@code messages}: the caller
 *     summarises them and stores the result through {@link MemoryApi#SUMMARY}
 */
public record ContextResponse(
    String summary,
    List<ConversationMessage> messages,
    List<RecalledMemory> memories,
    @JsonProperty("overflow") List<ConversationMessage> overflow) {}
