package dev.zoclone.memory.service;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.zoclone.memory.config.MemoryConfig;
import dev.zoclone.memory.metrics.MemoryMeters;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one embedding model of this service (loaded once: the ONNX session is thread-safe), with the
 * name every stored vector records so recall never compares vectors of two models.
 *
 * <p>The in-process MiniLM runs one padded ONNX inference per batch ({@link BatchedMiniLm}), which
 * makes the same vectors as LangChain4j's model at about twice its throughput on 2 cores.
 */
@ApplicationScoped
public class Embeddings {
  /** Name recorded for vectors of the in-process all-MiniLM-L6-v2. */
  public static final String MINILM = "all-minilm-l6-v2";

  /** Name recorded for vectors of the in-process, 8-bit quantized all-MiniLM-L6-v2. */
  public static final String MINILM_QUANTIZED = "all-minilm-l6-v2-q";

  private final BatchedMiniLm batched;

  private final EmbeddingModel model;
  private final String modelName;
  private final int dimensions;
  private final int batchSize;
  private final RecentVectors recent;
  private final MemoryMeters meters;
  private final EmbeddingCpu cpu = new EmbeddingCpu();

  @Inject
  public Embeddings(MemoryConfig config, MemoryMeters meters) {
    this(config.embedding(), meters);
  }

  /** The model {@code settings} name, built once. */
  Embeddings(MemoryConfig.Embedding settings, MemoryMeters meters) {
    this.meters = meters;
    meters.embeddingCpu(cpu, EmbeddingCpu::seconds);
    this.dimensions = settings.dimensions();
    this.batchSize = settings.batchSize();
    this.recent = new RecentVectors(settings.cacheSize());
    int threads = settings.threads().orElse(Runtime.getRuntime().availableProcessors());
    switch (settings.provider()) {
      case "minilm" -> {
        model = null;
        modelName = MINILM;
        // Longer than 512 tokens: LangChain4j's model averages the parts (loaded on first use).
        batched =
            cpu.starting(
                () ->
                    new BatchedMiniLm(
                        "all-minilm-l6-v2.onnx",
                        "all-minilm-l6-v2-tokenizer.json",
                        threads,
                        new LongText(() -> cpu.starting(AllMiniLmL6V2EmbeddingModel::new))));
      }
      case "minilm-q" -> {
        model = null;
        modelName = MINILM_QUANTIZED;
        batched =
            cpu.starting(
                () ->
                    new BatchedMiniLm(
                        "all-minilm-l6-v2-q.onnx",
                        "all-minilm-l6-v2-q-tokenizer.json",
                        threads,
                        new LongText(
                            () -> cpu.starting(AllMiniLmL6V2QuantizedEmbeddingModel::new))));
      }
      case "openai" -> {
        String name =
            settings
                .modelName()
                .orElseThrow(() -> new IllegalStateException("zo.memory.embedding.model-name"));
        model =
            OpenAiEmbeddingModel.builder()
                .baseUrl(settings.baseUrl().orElse("https://api.openai.com/v1"))
                .apiKey(settings.apiKey().orElse("none"))
                .modelName(name)
                .dimensions(dimensions)
                .build();
        modelName = "openai:" + name;
        batched = null;
      }
      default ->
          throw new IllegalStateException(
              "zo.memory.embedding.provider must be minilm, minilm-q or openai, not "
                  + settings.provider());
    }
    Log.infof("embedding model %s (%d dimensions)", modelName, dimensions);
  }

  /** The name stored with every vector this model makes. */
  public String modelName() {
    return modelName;
  }

  /** Threads the model runs inference on besides its callers' (found as it started). */
  int inferenceThreads() {
    return cpu.inferenceThreads();
  }

  /** Dimensions of every vector this model makes. */
  public int dimensions() {
    return dimensions;
  }

  /** One text's vector, from the model. */
  public float[] embed(String text) {
    return embedAll(List.of(text)).get(0);
  }

  /** The texts' vectors, in order, from the model in batches. */
  public List<float[]> embedAll(List<String> texts) {
    return embedUncached(texts);
  }

  /** One user's text's vector: from that user's recent vectors, else from the model. */
  public float[] embed(String owner, String text) {
    return embedOwned(List.of(new OwnedText(owner, text))).get(0);
  }

  /**
   * The texts' vectors, in order: a text its owner embedded lately comes from the cache, the others
   * go to the model in batches.
   */
  public List<float[]> embedOwned(List<OwnedText> texts) {
    float[][] vectors = new float[texts.size()][];
    List<OwnedText> missing = new ArrayList<>();
    List<Integer> missingAt = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      OwnedText text = texts.get(i);
      vectors[i] = recent.get(text.owner(), modelName, text.text());
      if (vectors[i] == null) {
        missing.add(text);
        missingAt.add(i);
      }
    }
    if (!missing.isEmpty()) {
      List<float[]> made = embedUncached(missing.stream().map(OwnedText::text).toList());
      for (int j = 0; j < made.size(); j++) {
        vectors[missingAt.get(j)] = made.get(j);
        OwnedText text = missing.get(j);
        recent.put(text.owner(), modelName, text.text(), made.get(j));
      }
    }
    return List.of(vectors);
  }

  private List<float[]> embedUncached(List<String> texts) {
    long started = System.nanoTime();
    List<float[]> vectors = cpu.measure(() -> embedByModel(texts));
    meters.embedded(texts.size(), started);
    return vectors;
  }

  private List<float[]> embedByModel(List<String> texts) {
    if (batched != null) {
      return checked(batched.embedAll(texts, batchSize));
    }
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += batchSize) {
      List<TextSegment> batch =
          texts.subList(from, Math.min(texts.size(), from + batchSize)).stream()
              .map(TextSegment::from)
              .toList();
      for (Embedding embedding : model.embedAll(batch).content()) {
        vectors.add(embedding.vector());
      }
    }
    return checked(vectors);
  }

  private List<float[]> checked(List<float[]> vectors) {
    for (float[] vector : vectors) {
      if (vector.length != dimensions) {
        throw new IllegalStateException(
            modelName + " made " + vector.length + " dimensions, not " + dimensions);
      }
    }
    return vectors;
  }

  /** LangChain4j's model for the rare text over 512 tokens, loaded when the first one comes. */
  private static final class LongText implements Function<String, float[]> {
    private final Supplier<EmbeddingModel> factory;
    private volatile EmbeddingModel model;

    LongText(Supplier<EmbeddingModel> factory) {
      this.factory = factory;
    }

    @Override
    public float[] apply(String text) {
      EmbeddingModel loaded = model;
      if (loaded == null) {
        synchronized (this) {
          if (model == null) {
            model = factory.get();
          }
          loaded = model;
        }
      }
      return loaded.embed(text).content().vector();
    }
  }
}
