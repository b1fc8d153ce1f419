package dev.zoclone.memory.repository;

import java.time.Instant;
import java.util.Map;

/** A memory row. */
public record StoredMemory(
    String id,
    String owner,
    String kind,
    String content,
    Map<String, String> meta,
    int version,
    Instant createdAt,
    Instant updatedAt) {}
