package dev.zoclone.memory.service;

import dev.zoclone.memory.config.MemoryConfig;
import java.util.Optional;

/** Embedding settings as application.properties would give them, for models built by a test. */
record EmbeddingSettings(
    String provider,
    Optional<String> baseUrl,
    Optional<String> apiKey,
    Optional<String> modelName,
    int dimensions,
    int batchSize,
    Optional<Integer> threads,
    int cacheSize)
    implements MemoryConfig.Embedding {

  /** An in-process MiniLM ({@code minilm} or {@code minilm-q}) of 384 dimensions. */
  static EmbeddingSettings inProcess(String provider, int batchSize, int threads, int cacheSize) {
    return new EmbeddingSettings(
        provider,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        384,
        batchSize,
        Optional.of(threads),
        cacheSize);
  }

  /** The settings {@code settings} name, with another cache size. */
  static EmbeddingSettings of(MemoryConfig.Embedding settings, int cacheSize) {
    return new EmbeddingSettings(
        settings.provider(),
        settings.baseUrl(),
        settings.apiKey(),
        settings.modelName(),
        settings.dimensions(),
        settings.batchSize(),
        settings.threads(),
        cacheSize);
  }
}
