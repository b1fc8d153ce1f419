package dev.zoclone.contract.memory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/** One memory as {@code GET|PUT /api/v1/memories/{id}} answer it. */
public record MemoryView(
    String id,
    String content,
    Map<String, String> meta,
    int version,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {}
