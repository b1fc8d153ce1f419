package dev.zoclone.testing.fakemodel;

import java.util.List;

/**
 * A successful reply made concrete for one request: response id, model name, text pieces, tool
 * calls with their ids filled in, and token usage.
 */
record Answer(
    String id,
    String model,
    List<String> textPieces,
    List<ToolCall> toolCalls,
    Usage usage,
    RecordedRequest request) {

  String text() {
    return String.join("", textPieces);
  }

  boolean hasText() {
    return !text().isEmpty();
  }
}
