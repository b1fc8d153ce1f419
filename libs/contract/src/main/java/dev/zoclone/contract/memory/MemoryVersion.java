package dev.zoclone.contract.memory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/** An earlier version of a memory, kept when an update replaced it. */
public record MemoryVersion(
    int version,
    String content,
    Map<String, String> meta,
    @JsonProperty("replaced_at") Instant replacedAt) {}
