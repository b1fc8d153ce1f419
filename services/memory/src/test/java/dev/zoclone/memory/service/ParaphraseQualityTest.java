package dev.zoclone.memory.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.memory.config.MemoryConfig;
import dev.zoclone.memory.metrics.MemoryMeters;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The service's embedding model (whatever the configuration makes the default) against fp32
 * all-MiniLM-L6-v2 on held-out paraphrases ({@code paraphrases.tsv}): it must find them as well,
 * within {@link ParaphraseQuality}'s margins, and its vectors must agree with fp32's (mean cosine
 * of the same sentence at least {@value #MIN_AGREEMENT}). The margins were fixed before either
 * model was measured. Embedding goes through {@link Embeddings#embedAll}, batched as the service
 * batches, so a quantized model's batch-dependence is part of what is measured.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class ParaphraseQualityTest {
  private static final Logger LOG = Logger.getLogger(ParaphraseQualityTest.class);
  private static final double MIN_AGREEMENT = 0.97;

  @Inject Embeddings embeddings;
  @Inject MemoryConfig config;

  @Test
  void theDefaultModelFindsParaphrasesAsWellAsFp32MiniLm() {
    ParaphraseSet set = ParaphraseSet.load();
    List<String> sentences = set.sentences();
    Embeddings fp32 = fp32();
    Map<String, float[]> baselineVectors = vectors(sentences, fp32.embedAll(sentences));
    Map<String, float[]> defaultVectors = vectors(sentences, embeddings.embedAll(sentences));

    ParaphraseQuality baseline = ParaphraseQuality.measure(set, baselineVectors);
    ParaphraseQuality measured = ParaphraseQuality.measure(set, defaultVectors);
    double agreement =
        sentences.stream()
            .mapToDouble(s -> Cosine.of(defaultVectors.get(s), baselineVectors.get(s)))
            .average()
            .orElseThrow();
    LOG.infof(
        "paraphrases (%d pairs): %s %s; %s %s; mean cosine to fp32 %.4f",
        set.pairs().size(),
        fp32.modelName(),
        baseline,
        embeddings.modelName(),
        measured,
        agreement);

    // The set is hard enough to tell models apart (its distractors share the queries' words) and
    // easy enough for a good one: fp32 measured recall@1 0.87, recall@5 0.99, pair AUC 0.80.
    assertThat(baseline.recallAt1()).isBetween(0.75, 0.99);
    assertThat(baseline.pairAuc()).isGreaterThan(0.7);
    assertThat(agreement).isGreaterThanOrEqualTo(MIN_AGREEMENT);
    assertThat(measured.shortfallsAgainst(baseline)).isEmpty();
  }

  @Test
  void aWorseModelFallsOutsideTheMargins() {
    ParaphraseSet set = ParaphraseSet.load();
    List<String> sentences = set.sentences();
    Map<String, float[]> full = vectors(sentences, fp32().embedAll(sentences));
    Map<String, float[]> cut = new HashMap<>();
    // fp32 vectors cut to their first 48 of 384 dimensions: a real, if crude, worse model.
    full.forEach((sentence, vector) -> cut.put(sentence, Arrays.copyOf(vector, 48)));

    ParaphraseQuality baseline = ParaphraseQuality.measure(set, full);
    ParaphraseQuality worse = ParaphraseQuality.measure(set, cut);
    LOG.infof("paraphrases: fp32 %s; fp32 cut to 48 dimensions %s", baseline, worse);

    assertThat(worse.shortfallsAgainst(baseline)).isNotEmpty();
    assertThat(baseline.shortfallsAgainst(baseline)).isEmpty();
  }

  private Embeddings fp32() {
    MemoryConfig.Embedding settings = config.embedding();
    int threads = settings.threads().orElse(Runtime.getRuntime().availableProcessors());
    return new Embeddings(
        EmbeddingSettings.inProcess("minilm", settings.batchSize(), threads, 0),
        new MemoryMeters(new SimpleMeterRegistry()));
  }

  private static Map<String, float[]> vectors(List<String> sentences, List<float[]> vectors) {
    Map<String, float[]> bySentence = new HashMap<>();
    for (int i = 0; i < sentences.size(); i++) {
      bySentence.put(sentences.get(i), vectors.get(i));
    }
    return bySentence;
  }
}
