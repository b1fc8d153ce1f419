package dev.zoclone.memory.service;

import dev.zoclone.contract.memory.RecallRequest;
import dev.zoclone.contract.memory.RecallResponse;
import dev.zoclone.contract.memory.RecalledMemory;
import dev.zoclone.memory.config.MemoryConfig;
import dev.zoclone.memory.metrics.MemoryMeters;
import dev.zoclone.memory.repository.RecallQuery;
import dev.zoclone.memory.repository.RecallRepository;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Finds memories by meaning and by exact words, only among the caller's vectors of one model. */
@ApplicationScoped
public class RecallService {
  /** {@code top_k} when the request gives none. */
  public static final int DEFAULT_TOP_K = 5;

  /** The largest {@code top_k} accepted. */
  public static final int MAX_TOP_K = 100;

  private static final int MAX_REMEMBERED_OWNERS = 100_000;

  private final Set<String> ownersWithVectors = ConcurrentHashMap.newKeySet();
  private final RecallRepository repository;
  private final Embeddings embeddings;
  private final ContentRules rules;
  private final MemoryConfig.Recall settings;
  private final MemoryMeters meters;

  public RecallService(
      RecallRepository repository,
      Embeddings embeddings,
      ContentRules rules,
      MemoryConfig config,
      MemoryMeters meters) {
    this.meters = meters;
    this.repository = repository;
    this.embeddings = embeddings;
    this.rules = rules;
    this.settings = config.recall();
  }

  /**
   * Whether {@code owner} may have something to recall. Only a yes is remembered (vectors come and
   * rarely go; a search among none of them finds nothing anyway).
   */
  private boolean hasVectors(String owner) {
    if (ownersWithVectors.contains(owner)) {
      return true;
    }
    if (!repository.hasVectors(owner, embeddings.modelName())) {
      return false;
    }
    if (ownersWithVectors.size() >= MAX_REMEMBERED_OWNERS) {
      ownersWithVectors.clear();
    }
    ownersWithVectors.add(owner);
    return true;
  }

  /** The caller's memories that best match the request, best first. */
  public RecallResponse recall(String owner, RecallRequest request) {
    if (request == null) {
      throw ProblemException.badRequest("query", "must not be empty");
    }
    rules.checkContent("query", request.query());
    int topK = request.topK() == null ? DEFAULT_TOP_K : request.topK();
    if (topK < 1 || topK > MAX_TOP_K) {
      throw ProblemException.badRequest("top_k", "must be between 1 and " + MAX_TOP_K);
    }
    rules.checkMeta("filter", request.filter());
    Map<String, String> filter = request.filter() == null ? Map.of() : request.filter();
    return new RecallResponse(search(owner, request.query(), topK, filter, null));
  }

  /** Recall for a conversation's context, leaving out that conversation's own turns. */
  public List<RecalledMemory> forConversation(
      String owner, String message, int topK, String conversationId) {
    return search(owner, message, Math.min(topK, MAX_TOP_K), Map.of(), conversationId);
  }

  private List<RecalledMemory> search(
      String owner, String text, int topK, Map<String, String> filter, String exclude) {
    long started = System.nanoTime();
    try {
      return searchVectors(owner, text, topK, filter, exclude);
    } finally {
      meters.recalled(started);
    }
  }

  private List<RecalledMemory> searchVectors(
      String owner, String text, int topK, Map<String, String> filter, String exclude) {
    if (!hasVectors(owner)) {
      return List.of(); // nothing to recall: no need to embed the text
    }
    // Stripped as stored turns are (see Chunker): the same vector (the tokenizer drops outer
    // whitespace), and the turn's text then finds the one kept from this recall.
    float[] vector = embeddings.embed(owner, text.strip());
    int candidates = Math.max(20, topK * settings.candidatesPerResult());
    return repository.search(
        new RecallQuery(
            owner,
            embeddings.modelName(),
            vector,
            text,
            filter,
            exclude,
            topK,
            candidates,
            1 - settings.minSimilarity()));
  }
}
