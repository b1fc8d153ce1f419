package dev.zoclone.contract.memory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** Body of {@code GET /api/v1/conversations/{id}}: every message, oldest first, and the summary. */
public record ConversationView(
    String id,
    String title,
    String summary,
    List<ConversationMessage> messages,
    @JsonProperty("created_at") Instant createdAt) {}
