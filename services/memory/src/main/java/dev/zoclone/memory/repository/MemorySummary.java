package dev.zoclone.memory.repository;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * One memory as {@code GET /api/v1/memories} lists it: its first 200 characters, not all of it.
 *
 * @param kind {@code memory} (saved), {@code document} (ingested) or {@code message} (a turn)
 * @param excerpt the content's first 200 characters
 * @param length the whole content's length in characters
 */
public record MemorySummary(
    String id,
    String kind,
    String excerpt,
    int length,
    Map<String, String> meta,
    int version,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {}
