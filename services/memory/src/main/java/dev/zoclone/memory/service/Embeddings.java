package dev.zoclone.memory.service;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.zoclone.memory.config.MemoryConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The one embedding model of this service (loaded once: the ONNX session is thread-safe), with the
 * name every stored vector records so recall never compares vectors of two models.
 */
@ApplicationScoped
public class Embeddings {
  /** Name recorded for vectors of the in-process all-MiniLM-L6-v2. */
  public static final String MINILM = "all-minilm-l6-v2";

  private final EmbeddingModel model;
  private final String modelName;
  private final int dimensions;
  private final int batchSize;

  @Inject
  public Embeddings(MemoryConfig config) {
    this(config.embedding());
  }

  /** The model {@code settings} name, built once. */
  Embeddings(MemoryConfig.Embedding settings) {
    this.dimensions = settings.dimensions();
    this.batchSize = settings.batchSize();
    switch (settings.provider()) {
      case "minilm" -> {
        model = new AllMiniLmL6V2EmbeddingModel();
        modelName = MINILM;
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
      }
      default ->
          throw new IllegalStateException(
              "zo.memory.embedding.provider must be minilm or openai, not " + settings.provider());
    }
    Log.infof("embedding model %s (%d dimensions)", modelName, dimensions);
  }

  /** The name stored with every vector this model makes. */
  public String modelName() {
    return modelName;
  }

  /** One text's vector. */
  public float[] embed(String text) {
    return embedAll(List.of(text)).get(0);
  }

  /** The texts' vectors, in order, sent to the model in batches. */
  public List<float[]> embedAll(List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += batchSize) {
      List<TextSegment> batch =
          texts.subList(from, Math.min(texts.size(), from + batchSize)).stream()
              .map(TextSegment::from)
              .toList();
      for (Embedding embedding : model.embedAll(batch).content()) {
        float[] vector = embedding.vector();
        if (vector.length != dimensions) {
          throw new IllegalStateException(
              modelName + " made " + vector.length + " dimensions, not " + dimensions);
        }
        vectors.add(vector);
      }
    }
    return vectors;
  }
}
