package dev.zoclone.agents.models;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.zoclone.agents.client.ProviderHttpClient;
import dev.zoclone.agents.config.AgentsConfig;
import dev.zoclone.agents.keys.ResolvedKey;
import dev.zoclone.platform.egress.EgressPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds one LangChain4j model per (key, model) and keeps the most recently used ones; the cache
 * key holds a hash of the API key, never the key. Finding a built model takes no lock.
 */
@ApplicationScoped
public class ChatModelFactory {
  private final Duration timeout;
  private final Duration streamTimeout;
  private final EgressPolicy egress;
  private final int capacity;
  private final Map<CacheKey, Built> cache = new ConcurrentHashMap<>();

  public ChatModelFactory(AgentsConfig config, EgressPolicy egress) {
    this.egress = egress;
    this.timeout = config.provider().timeout();
    this.streamTimeout = config.provider().streamTimeout();
    this.capacity = Math.max(1, config.modelCacheSize());
  }

  private record CacheKey(
      Provider provider, String baseUrl, String keyHash, String model, boolean streaming) {}

  /** A built model and when it was last used (nanoTime), for dropping the least recently used. */
  private static final class Built {
    final Object model;
    volatile long usedAt = System.nanoTime();

    Built(Object model) {
      this.model = model;
    }
  }

  /** The blocking model for {@code model} with {@code key}. */
  public ChatModel chatModel(ResolvedKey key, String model) {
    return (ChatModel) cached(key, model, false);
  }

  /** The streaming model for {@code model} with {@code key}. */
  public StreamingChatModel streamingModel(ResolvedKey key, String model) {
    return (StreamingChatModel) cached(key, model, true);
  }

  /**
   * A blocking model for {@code model} with {@code key} over {@code http}, built for one use and
   * not kept: a warm-up's, whose placeholder key must not take a place among the users' models.
   */
  public ChatModel unkeptChatModel(ResolvedKey key, String model, HttpClientBuilder http) {
    return (ChatModel) build(key, model, http);
  }

  /** The provider client of every kept model: its calls end within the provider timeout. */
  public HttpClientBuilder providerHttp() {
    return http(timeout);
  }

  /** How many models are built and kept. */
  public int size() {
    return cache.size();
  }

  /**
   * The model of the moment without taking a lock: the hundred calls of a spawn-all find it at
   * once; only a model not built yet is built, once, while callers of other models go on.
   */
  private Object cached(ResolvedKey key, String model, boolean streaming) {
    CacheKey cacheKey =
        new CacheKey(key.provider(), key.baseUrl(), hash(key.apiKey()), model, streaming);
    Built found = cache.get(cacheKey);
    if (found == null) {
      found =
          cache.computeIfAbsent(
              cacheKey,
              k ->
                  new Built(
                      streaming ? buildStreaming(key, model) : build(key, model, http(timeout))));
      if (cache.size() > capacity) {
        dropLeastRecentlyUsed();
      }
    }
    found.usedAt = System.nanoTime();
    return found.model;
  }

  /** Keeps the cache at its capacity; only called when a model is added past it. */
  private synchronized void dropLeastRecentlyUsed() {
    while (cache.size() > capacity) {
      cache.entrySet().stream()
          .min(Comparator.comparingLong(e -> e.getValue().usedAt))
          .ifPresent(e -> cache.remove(e.getKey(), e.getValue()));
    }
  }

  private Object build(ResolvedKey key, String model, HttpClientBuilder http) {
    String apiKey = key.apiKey() == null ? "none" : key.apiKey();
    return switch (key.provider()) {
      case ANTHROPIC ->
          AnthropicChatModel.builder()
              .httpClientBuilder(http)
              .baseUrl(key.baseUrl())
              .apiKey(apiKey)
              .modelName(model)
              .maxTokens(4096)
              .timeout(timeout)
              .maxRetries(0)
              .build();
      case OLLAMA ->
          OllamaChatModel.builder()
              .httpClientBuilder(http)
              .baseUrl(key.baseUrl())
              .modelName(model)
              .timeout(timeout)
              .maxRetries(0)
              .build();
      default ->
          OpenAiChatModel.builder()
              .httpClientBuilder(http)
              .baseUrl(key.baseUrl())
              .apiKey(apiKey)
              .modelName(model)
              .timeout(timeout)
              .maxRetries(0)
              .build();
    };
  }

  private Object buildStreaming(ResolvedKey key, String model) {
    String apiKey = key.apiKey() == null ? "none" : key.apiKey();
    return switch (key.provider()) {
      case ANTHROPIC ->
          AnthropicStreamingChatModel.builder()
              .httpClientBuilder(http(streamTimeout))
              .baseUrl(key.baseUrl())
              .apiKey(apiKey)
              .modelName(model)
              .maxTokens(4096)
              .timeout(timeout)
              .build();
      case OLLAMA ->
          OllamaStreamingChatModel.builder()
              .httpClientBuilder(http(streamTimeout))
              .baseUrl(key.baseUrl())
              .modelName(model)
              .timeout(timeout)
              .build();
      default ->
          OpenAiStreamingChatModel.builder()
              .httpClientBuilder(http(streamTimeout))
              .baseUrl(key.baseUrl())
              .apiKey(apiKey)
              .modelName(model)
              .timeout(timeout)
              .build();
    };
  }

  /** A provider client whose calls end by {@code deadline}, their answer's body included. */
  private ProviderHttpClient.Builder http(Duration deadline) {
    return new ProviderHttpClient.Builder().deadline(deadline).egress(egress);
  }

  private static String hash(String apiKey) {
    if (apiKey == null) {
      return "";
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
