package dev.zoclone.memory.repository;

import java.time.Instant;

/** A conversation row; {@code summaryCoversUntil} is the sequence of the last summarised turn. */
public record StoredConversation(
    String id,
    String owner,
    String title,
    String summary,
    long summaryCoversUntil,
    Instant createdAt,
    Instant updatedAt) {}
