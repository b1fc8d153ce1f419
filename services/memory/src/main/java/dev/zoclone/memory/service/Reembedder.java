package dev.zoclone.memory.service;

import dev.zoclone.memory.config.MemoryConfig;
import dev.zoclone.memory.repository.ChunkRepository;
import dev.zoclone.memory.repository.ChunkRepository.StaleChunk;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * After the embedding model changes, re-embeds every chunk another model made, a batch per
 * transaction: it resumes where it stopped after a restart, replicas share the work, and until a
 * chunk is re-embedded recall leaves it out rather than compare vectors of two models.
 */
@ApplicationScoped
public class Reembedder {
  private final ChunkRepository chunks;
  private final Embeddings embeddings;
  private final MemoryConfig.Reembedding settings;

  public Reembedder(ChunkRepository chunks, Embeddings embeddings, MemoryConfig config) {
    this.chunks = chunks;
    this.embeddings = embeddings;
    this.settings = config.reembedding();
  }

  @Scheduled(
      every = "${zo.memory.reembedding.interval:10s}",
      delayed = "2s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    if (!settings.enabled()) {
      return;
    }
    try {
      int total = 0;
      int done;
      do {
        done = reembedBatch();
        total += done;
      } while (done == settings.batchSize());
      if (total > 0) {
        Log.infof("re-embedded %d chunks with %s", total, embeddings.modelName());
      }
    } catch (RuntimeException e) {
      Log.warnf("re-embedding pass failed, will retry: %s", e.getMessage());
    }
  }

  /** Re-embeds one batch of stale chunks; answers how many. */
  public int reembedBatch() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<StaleChunk> stale =
                  chunks.claimStale(embeddings.modelName(), settings.batchSize());
              if (!stale.isEmpty()) {
                List<float[]> vectors =
                    embeddings.embedAll(stale.stream().map(StaleChunk::content).toList());
                chunks.reembed(stale, vectors, embeddings.modelName());
              }
              return stale.size();
            });
  }
}
