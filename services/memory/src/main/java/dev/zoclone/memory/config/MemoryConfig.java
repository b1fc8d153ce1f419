package dev.zoclone.memory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of the memory service, under {@code zo.memory}. */
@ConfigMapping(prefix = "zo.memory")
public interface MemoryConfig {

  /** Longest memory or message content accepted, in characters; longer is a 413. */
  @WithDefault("65536")
  int maxContentChars();

  /** The embedding model. */
  Embedding embedding();

  /** How long content is split before embedding. */
  Chunking chunking();

  /** Near-duplicate detection on write. */
  Dedup dedup();

  /** Hybrid recall. */
  Recall recall();

  /** Background re-embedding after a model change. */
  Reembedding reembedding();

  /** The embedding model. */
  interface Embedding {
    /**
     * {@code minilm-q} (in-process, offline: the 8-bit quantized all-MiniLM-L6-v2, about twice as
     * fast as fp32 and as good on held-out paraphrases; a text's vector varies slightly with the
     * batch it is embedded in, cosine ≥ 0.97), {@code minilm} (the fp32 all-MiniLM-L6-v2) or {@code
     * openai} (any OpenAI-compatible {@code /v1/embeddings}, Ollama included).
     */
    @WithDefault("minilm-q")
    String provider();

    /** Base URL of an OpenAI-compatible server, e.g. {@code http://localhost:11434/v1}. */
    Optional<String> baseUrl();

    /** API key of the OpenAI-compatible server (Ollama ignores it). */
    Optional<String> apiKey();

    /** Model name at the OpenAI-compatible server, e.g. {@code text-embedding-3-small}. */
    Optional<String> modelName();

    /**
     * Dimensions of every vector the model makes (384 for MiniLM, 768 for nomic-embed-text); each
     * model gets its own index, up to 4000 dimensions.
     */
    @WithDefault("384")
    int dimensions();

    /** Most texts sent to the model in one call (one ONNX inference for the in-process models). */
    @WithDefault("64")
    int batchSize();

    /**
     * Vectors kept for texts embedded lately (by model and SHA-256 of the text), so a message
     * embedded for recall is not embedded again when its turn is stored; 0 keeps none.
     */
    @WithDefault("2048")
    int cacheSize();

    /** Threads of one in-process inference; the number of cores when not set. */
    Optional<Integer> threads();
  }

  /** How long content is split before embedding. */
  interface Chunking {
    /** Longest chunk, in characters (MiniLM reads about 256 word pieces). */
    @WithDefault("1000")
    int maxChars();

    /** Characters each chunk repeats from the end of the previous one. */
    @WithDefault("200")
    int overlapChars();
  }

  /** Near-duplicate detection on write. */
  interface Dedup {
    /** Cosine similarity at or above which a new memory is a duplicate of an existing one. */
    @WithDefault("0.95")
    double threshold();
  }

  /** Hybrid recall. */
  interface Recall {
    /** The constant k of reciprocal rank fusion: score = Σ weight / (k + rank). */
    @WithDefault("60")
    int rrfK();

    /** Weight of the vector ranking in the fusion. */
    @WithDefault("1.0")
    double vectorWeight();

    /** Weight of the full-text ranking in the fusion. */
    @WithDefault("0.5")
    double textWeight();

    /** Cosine similarity below which a vector hit is not a candidate at all. */
    @WithDefault("0.2")
    double minSimilarity();

    /** Candidates taken from each ranking per requested result. */
    @WithDefault("4")
    int candidatesPerResult();

    /** {@code hnsw.ef_search} for the vector search (pgvector's default is 40). */
    @WithDefault("100")
    int efSearch();

    /**
     * Chunks of one model from which an owner gets an HNSW index of their own (0: never, so every
     * recall is exact). Below it, recall reads the owner's chunks and sorts them, one page per
     * chunk; no graph spans all owners, since inserting into it cost most of an ingest's time.
     */
    @WithDefault("2000")
    int ownerIndexMinChunks();

    /** How often owners are checked for needing their own index (read by the scheduler). */
    @WithDefault("30s")
    String ownerIndexInterval();
  }

  /** Background re-embedding after a model change. */
  interface Reembedding {
    /** Whether chunks embedded by another model are re-embedded in the background. */
    @WithDefault("true")
    boolean enabled();

    /** How often stale chunks are looked for (read by the scheduler as {@code ${...}}). */
    @WithDefault("10s")
    String interval();

    /** Chunks re-embedded per pass. */
    @WithDefault("64")
    int batchSize();
  }
}
