package dev.zoclone.memory.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.zoclone.memory.metrics.MemoryMeters;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The embedding configurations: OpenAI-compatible against a fake server over real HTTP, and the
 * in-process models against LangChain4j's. A Quarkus test only so that the tokenizer's native
 * library is loaded in the same class loader as the other tests' (the JVM loads it once).
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class EmbeddingsTest {
  private static final MemoryMeters METERS = new MemoryMeters(new SimpleMeterRegistry());

  @Test
  void openAiCompatibleModelEmbedsInBatchesAndNamesItsVectors() {
    try (FakeOpenAiServer server = new FakeOpenAiServer()) {
      Embeddings embeddings =
          new Embeddings(
              new EmbeddingSettings(
                  "openai",
                  Optional.of(server.baseUrl() + "/v1"),
                  Optional.of("sk-test"),
                  Optional.of("text-embedding-3-small"),
                  384,
                  2,
                  Optional.empty(),
                  0),
              METERS);

      List<float[]> vectors = embeddings.embedAll(List.of("one", "two", "three"));

      assertThat(embeddings.modelName()).isEqualTo("openai:text-embedding-3-small");
      assertThat(vectors).hasSize(3).allSatisfy(v -> assertThat(v).hasSize(384));
      assertThat(vectors.get(0)).isEqualTo(embeddings.embed("one"));
      assertThat(vectors.get(0)).isNotEqualTo(vectors.get(1));
      assertThat(server.requests()).hasSize(3); // batches of 2 + 1, then the single "one"
    }
  }

  @Test
  void aTextEmbeddedLatelyIsNotSentToTheModelAgain() {
    try (FakeOpenAiServer server = new FakeOpenAiServer()) {
      Embeddings embeddings = cachingTwo(server);

      float[] first = embeddings.embed("ann", "what did I say about Oslo?");
      List<float[]> again =
          embeddings.embedOwned(
              List.of(
                  new OwnedText("ann", "what did I say about Oslo?"), new OwnedText("ann", "new")));
      first[0] = 42; // a caller changing its copy changes nothing kept
      float[] third = embeddings.embed("ann", "what did I say about Oslo?");
      embeddings.embedOwned(
          List.of(new OwnedText("ann", "a"), new OwnedText("ann", "b"))); // push the oldest out
      embeddings.embed("ann", "what did I say about Oslo?");

      assertThat(again.get(0)).isEqualTo(third).isNotEqualTo(first);
      assertThat(server.requests())
          .extracting(r -> r.json().path("input").toString())
          .containsExactly(
              "[\"what did I say about Oslo?\"]",
              "[\"new\"]",
              "[\"a\",\"b\"]",
              "[\"what did I say about Oslo?\"]");
    }
  }

  @Test
  void anotherUsersRecentTextIsEmbeddedAgainNotServedFromTheirCache() {
    try (FakeOpenAiServer server = new FakeOpenAiServer()) {
      Embeddings embeddings = cachingTwo(server);

      embeddings.embed("ann", "the merger closes on Friday");
      embeddings.embed("bob", "the merger closes on Friday");
      embeddings.embed("bob", "the merger closes on Friday");

      // the model sees the text once per user: bob's timing cannot tell what ann embedded
      assertThat(server.requests()).hasSize(2);
    }
  }

  private static Embeddings cachingTwo(FakeOpenAiServer server) {
    return new Embeddings(
        new EmbeddingSettings(
            "openai",
            Optional.of(server.baseUrl() + "/v1"),
            Optional.of("sk-test"),
            Optional.of("text-embedding-3-small"),
            384,
            8,
            Optional.empty(),
            2),
        METERS);
  }

  @Test
  void batchedMiniLmMakesTheVectorsOfLangChain4jsModel() {
    Embeddings embeddings = inProcess("minilm");
    AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();

    List<float[]> vectors = embeddings.embedAll(TEXTS);

    assertThat(embeddings.modelName()).isEqualTo(Embeddings.MINILM);
    for (int i = 0; i < TEXTS.size(); i++) {
      float[] expected = reference.embed(TEXTS.get(i)).content().vector();
      assertThat(vectors.get(i))
          .as(TEXTS.get(i))
          .hasSize(384)
          .containsExactly(expected, within(1e-5f));
    }
  }

  @Test
  void quantizedMiniLmIsItsOwnModelAndAlmostAgreesWithItselfAcrossBatches() {
    Embeddings embeddings = inProcess("minilm-q");
    AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();

    List<float[]> batched = embeddings.embedAll(TEXTS);

    assertThat(embeddings.modelName()).isEqualTo(Embeddings.MINILM_QUANTIZED);
    for (int i = 0; i < TEXTS.size(); i++) {
      float[] alone = reference.embed(TEXTS.get(i)).content().vector();
      assertThat(embeddings.embed(TEXTS.get(i))).containsExactly(alone, within(1e-5f));
      // Dynamic quantization scales activations per batch: close, not equal.
      assertThat(Cosine.of(batched.get(i), alone)).as(TEXTS.get(i)).isGreaterThan(0.95);
    }
  }

  @Test
  void theModelsCpuOnItsOwnInferenceThreadsIsCountedBesidesItsCallers() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Embeddings embeddings =
        new Embeddings(
            EmbeddingSettings.inProcess("minilm-q", 64, 2, 0), new MemoryMeters(registry));
    List<String> texts =
        java.util.stream.IntStream.range(0, 256)
            .mapToObj(i -> "sentence " + i + " about the staging database, lunch and the garden")
            .toList();
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long callerBefore = threads.getCurrentThreadCpuTime();

    embeddings.embedAll(texts);

    double callerSeconds = (threads.getCurrentThreadCpuTime() - callerBefore) / 1e9;
    double counted = registry.get("zo.memory.embedding.cpu").functionCounter().count();
    // Two intra-op threads: the caller and ONNX Runtime's own, which takes a share of the work.
    assertThat(embeddings.inferenceThreads()).isPositive();
    assertThat(counted).isGreaterThan(callerSeconds * 1.3);
  }

  /** Short and long, accents, CJK, emoji, an id, and one text over the model's 512 tokens. */
  private static final List<String> TEXTS =
      List.of(
          "Our SQL server needs attention on Monday.",
          "x",
          "The café's naïve croissant don't cost €3,50!",
          "Ticket ZO-1234 was fixed by the backup job at 03:00 UTC",
          "日本語のテキストも埋め込めます",
          "party 🎉 tonight",
          "A longer sentence about the garden, the weather in Oslo next week, and the book club"
              + " that meets every second Thursday to discuss whatever somebody picked.",
          "database replication lag ".repeat(200));

  private static Embeddings inProcess(String provider) {
    return new Embeddings(EmbeddingSettings.inProcess(provider, 3, 2, 0), METERS);
  }
}
