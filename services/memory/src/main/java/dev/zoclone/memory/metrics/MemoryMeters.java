package dev.zoclone.memory.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The memory service's own meters: {@code zo.memory.embedding} (time of each model inference over a
 * batch), {@code zo.memory.embedding.batch} (texts per batch) and {@code zo.memory.recall} (time of
 * a recall, embedding of the query included).
 */
@Singleton
public class MemoryMeters {
  private final Timer embedding;
  private final DistributionSummary batch;
  private final Timer recall;

  public MemoryMeters(MeterRegistry registry) {
    this.embedding =
        Timer.builder("zo.memory.embedding")
            .description("Time the embedding model took for one batch")
            .register(registry);
    this.batch =
        DistributionSummary.builder("zo.memory.embedding.batch")
            .description("Texts embedded in one call of the model")
            .register(registry);
    this.recall =
        Timer.builder("zo.memory.recall")
            .description("Time of a recall, the query's embedding included")
            .register(registry);
  }

  /** The model embedded {@code texts} texts, starting at {@code startedNanos}. */
  public void embedded(int texts, long startedNanos) {
    embedding.record(Duration.ofNanos(System.nanoTime() - startedNanos));
    batch.record(texts);
  }

  /** A recall that started at {@code startedNanos} ended. */
  public void recalled(long startedNanos) {
    recall.record(Duration.ofNanos(System.nanoTime() - startedNanos));
  }
}
