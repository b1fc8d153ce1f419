package dev.zoclone.memory.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.memory.config.MemoryConfig;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible embedding configuration, against a fake server over real HTTP. */
class EmbeddingsTest {
  @Test
  void openAiCompatibleModelEmbedsInBatchesAndNamesItsVectors() {
    try (FakeOpenAiServer server = new FakeOpenAiServer()) {
      Embeddings embeddings =
          new Embeddings(
              new Settings(
                  "openai",
                  Optional.of(server.baseUrl() + "/v1"),
                  Optional.of("sk-test"),
                  Optional.of("text-embedding-3-small"),
                  384,
                  2));

      List<float[]> vectors = embeddings.embedAll(List.of("one", "two", "three"));

      assertThat(embeddings.modelName()).isEqualTo("openai:text-embedding-3-small");
      assertThat(vectors).hasSize(3).allSatisfy(v -> assertThat(v).hasSize(384));
      assertThat(vectors.get(0)).isEqualTo(embeddings.embed("one"));
      assertThat(vectors.get(0)).isNotEqualTo(vectors.get(1));
      assertThat(server.requests()).hasSize(3); // batches of 2 + 1, then the single "one"
    }
  }

  /** Settings as application.properties would give them. */
  private record Settings(
      String provider,
      Optional<String> baseUrl,
      Optional<String> apiKey,
      Optional<String> modelName,
      int dimensions,
      int batchSize)
      implements MemoryConfig.Embedding {}
}
