package dev.zoclone.memory.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * The memory service's own meters: {@code zo.memory.embedding} (time of each model inference over a
 * batch), {@code zo.memory.embedding.batch} (texts per batch), {@code zo.memory.embedding.cpu} (CPU
 * seconds the model used, on every thread) and {@code zo.memory.recall} (time of a recall,
 * embedding of the query included).
 */
@Singleton
public class MemoryMeters {
  private final Timer embedding;
  private final DistributionSummary batch;
  private final Timer recall;
  private final MeterRegistry registry;

  public MemoryMeters(MeterRegistry registry) {
    this.registry = registry;
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

  /**
   * Counts the CPU seconds the embedding model has used, as {@code seconds} reads them from {@code
   * source} (held weakly, as Micrometer holds it: its owner keeps it).
   */
  public <T> void embeddingCpu(T source, ToDoubleFunction<T> seconds) {
    FunctionCounter.builder("zo.memory.embedding.cpu", source, seconds)
        .description(
            "CPU the embedding model used: its callers' time inside it and its own threads'")
        .baseUnit("seconds")
        .register(registry);
  }

  /** A recall that started at {@code startedNanos} ended. */
  public void recalled(long startedNanos) {
    recall.record(Duration.ofNanos(System.nanoTime() - startedNanos));
  }
}
