package dev.zoclone.contract.memory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A page of the caller's conversations, newest first; {@code nextCursor} is null on the last. */
public record ConversationList(
    List<ConversationSummary> conversations, @JsonProperty("next_cursor") String nextCursor) {}
