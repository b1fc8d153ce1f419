package dev.zoclone.contract.memory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One conversation in {@code GET /api/v1/conversations}. */
public record ConversationSummary(
    String id,
    String title,
    @JsonProperty("message_count") int messageCount,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {}
