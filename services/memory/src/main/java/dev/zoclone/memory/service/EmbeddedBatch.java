package dev.zoclone.memory.service;

import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.memory.IngestItem;
import dev.zoclone.memory.repository.NewChunk;
import java.util.List;

/**
 * The valid events of one ingested batch, their items and each item's embedded chunks, in the same
 * order; not yet stored, and their event ids not yet checked for redelivery.
 */
public record EmbeddedBatch(
    List<EventEnvelope> events, List<IngestItem> items, List<List<NewChunk>> chunks) {
  /** A batch with nothing to store. */
  public static final EmbeddedBatch EMPTY = new EmbeddedBatch(List.of(), List.of(), List.of());

  /** How many items the batch holds. */
  public int size() {
    return events.size();
  }
}
