package dev.zoclone.memory.service;

import dev.zoclone.memory.repository.NewChunk;
import java.util.List;
import java.util.Map;

/** Text to save under an owner, its chunks already embedded. */
public record EmbeddedItem(
    String owner,
    MemoryService.Kind kind,
    String content,
    Map<String, String> meta,
    String conversationId,
    String messageId,
    List<NewChunk> chunks) {}
