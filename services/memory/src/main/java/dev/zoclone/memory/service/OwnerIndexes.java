package dev.zoclone.memory.service;

import dev.zoclone.memory.config.MemoryConfig;
import dev.zoclone.memory.repository.VectorIndex;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gives every owner with many chunks of the current model an HNSW index of their own, so that
 * recall for one owner among many walks a graph of that owner's vectors only (built concurrently,
 * in the background; until it exists recall reads and sorts the owner's rows, which is exact).
 */
@ApplicationScoped
public class OwnerIndexes {
  private final VectorIndex index;
  private final Embeddings embeddings;
  private final MemoryConfig.Recall settings;

  public OwnerIndexes(VectorIndex index, Embeddings embeddings, MemoryConfig config) {
    this.index = index;
    this.embeddings = embeddings;
    this.settings = config.recall();
  }

  @Scheduled(
      every = "${zo.memory.recall.owner-index-interval:30s}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    if (settings.ownerIndexMinChunks() <= 0) {
      return;
    }
    try {
      createMissing();
    } catch (RuntimeException e) {
      Log.warnf("owner index pass failed, will retry: %s", e.getMessage());
    }
  }

  /** Creates the indexes that owners past the threshold lack; answers how many. */
  public int createMissing() {
    String model = embeddings.modelName();
    int dimensions = embeddings.dimensions();
    int created = 0;
    for (String owner :
        index.ownersWithoutIndex(model, dimensions, settings.ownerIndexMinChunks())) {
      index.ensureForOwner(owner, model, dimensions);
      created++;
    }
    return created;
  }
}
