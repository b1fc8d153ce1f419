package dev.zoclone.memory.repository;

import java.util.List;
import java.util.Map;

/** A memory to insert, with its embedded chunks. */
public record NewMemory(
    String id,
    String owner,
    String kind,
    String content,
    Map<String, String> meta,
    String conversationId,
    String messageId,
    List<NewChunk> chunks) {}
