package dev.zoclone.agents.models;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.zoclone.agents.client.ProviderHttpClient.ProviderHttpException;
import dev.zoclone.agents.client.ProviderUnreachable;
import dev.zoclone.agents.config.AgentsConfig;
import dev.zoclone.agents.keys.KeyConcurrency;
import dev.zoclone.agents.keys.KeyService;
import dev.zoclone.agents.keys.ResolvedKey;
import dev.zoclone.agents.metrics.AgentMeters;
import dev.zoclone.contract.agents.KeyView;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Calls a user's model: resolves {@code model_name} to the user's key, retries 429s and 5xx with
 * capped exponential backoff and jitter (honouring {@code Retry-After}), tries the fallbacks in
 * order, records usage, and turns what still fails into a 502/504 problem with the key redacted.
 */
@ApplicationScoped
public class ModelCaller {
  private static final Pattern SECRET_LIKE = Pattern.compile("(sk|gsk|key)-[A-Za-z0-9_\\-]{6,}");

  private final KeyService keys;
  private final ChatModelFactory models;
  private final UsageService usage;
  private final AgentsConfig config;
  private final KeyConcurrency slots;
  private final SettingsService settings;
  private final AgentMeters meters;

  public ModelCaller(
      KeyService keys,
      ChatModelFactory models,
      UsageService usage,
      AgentsConfig config,
      KeyConcurrency slots,
      SettingsService settings,
      AgentMeters meters) {
    this.settings = settings;
    this.meters = meters;
    this.keys = keys;
    this.models = models;
    this.usage = usage;
    this.config = config;
    this.slots = slots;
  }

  /** A model's answer and which model gave it. */
  public record Answer(ChatResponse response, String modelName) {}

  /** A model resolved for one owner. */
  public record Target(ResolvedKey key, String model) {
    /** {@code <key name>:<model>}. */
    public String display() {
      return key.name() + ":" + model;
    }
  }

  /**
   * The model names to try: the requested one, else the owner's default (settings), else the
   * service's; then the request's fallbacks, else the owner's.
   */
  public List<String> candidates(String owner, String modelName, List<String> fallbacks) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    boolean named = modelName != null && !modelName.isBlank();
    SettingsService.Settings mine =
        named && fallbacks != null ? SettingsService.Settings.NONE : settings.get(owner);
    String first =
        named
            ? modelName
            : mine.defaultModel() != null
                ? mine.defaultModel()
                : config.defaultModel().orElse(null);
    if (first == null) {
      first = onlyKeyWithDefaultModel(owner);
    }
    names.add(first);
    (fallbacks != null ? fallbacks : mine.fallbacks())
        .stream().filter(f -> f != null && !f.isBlank()).forEach(names::add);
    return new ArrayList<>(names);
  }

  /**
   * With no model named anywhere, the owner's only key when it has a default model; else a 400 that
   * says how to name one or set a default.
   */
  private String onlyKeyWithDefaultModel(String owner) {
    List<KeyView> own = keys.list(owner);
    if (own.size() == 1 && own.get(0).defaultModel() != null) {
      return own.get(0).name();
    }
    String names = own.stream().map(KeyView::name).collect(Collectors.joining(", "));
    throw ProblemException.badRequest(
        "model_name",
        "is required: name a model as <key>:<model>"
            + (own.isEmpty() ? " after adding a key (zo keys set)" : " (your keys: " + names + ")")
            + ", or set your default with zo settings set default-model <key>:<model>"
            + " (PUT /api/v1/settings)");
  }

  /** Resolves {@code modelName} to the owner's key; 400 naming the command when it is missing. */
  public Target resolve(String owner, String modelName) {
    ModelRef ref = ModelRef.parse(modelName);
    ResolvedKey key =
        keys.resolve(owner, ref.keyName())
            .orElseThrow(
                () -> ref.unknownKey(keys.list(owner).stream().map(KeyView::name).toList()));
    String model = ref.model() != null ? ref.model() : key.defaultModel();
    if (model == null) {
      throw ProblemException.badRequest(
          "model_name",
          "key '" + key.name() + "' has no default model: name one as " + key.name() + ":<model>");
    }
    return new Target(key, model);
  }

  /** One blocking chat over the candidates, with retries and fallbacks. */
  public Answer chat(String owner, List<String> candidates, ChatRequest request) {
    RuntimeException last = null;
    String lastName = candidates.get(0);
    for (String name : candidates) {
      Target target = resolve(owner, name);
      lastName = target.display();
      long started = System.nanoTime();
      try {
        ChatResponse response = withRetries(target, forProvider(request, target));
        usage.record(owner, target.key().name(), target.model(), response.tokenUsage());
        meters.modelAnswered(
            target.key().provider(), target.model(), started, response.tokenUsage());
        return new Answer(response, target.display());
      } catch (ProblemException e) {
        throw e;
      } catch (RuntimeException e) {
        if (isCancellation(e)) {
          throw e;
        }
        meters.modelFailed(target.key().provider(), started);
        Log.warnf(
            "model %s failed for user %s: %s",
            target.display(), owner, redact(e.getMessage(), target.key()));
        last = redactedFailure(e, target);
      }
    }
    throw problem(last, lastName);
  }

  /**
   * One streaming chat with the first candidate that answers; tokens go to {@code onToken} as they
   * arrive. A model that fails before its first token gives way to the next candidate.
   */
  public Answer stream(
      String owner, List<String> candidates, ChatRequest request, Consumer<String> onToken) {
    RuntimeException last = null;
    String lastName = candidates.get(0);
    for (String name : candidates) {
      Target target = resolve(owner, name);
      lastName = target.display();
      boolean[] started = {false};
      long startedAt = System.nanoTime();
      try {
        ChatResponse response =
            slots.withSlot(
                target.key(),
                () -> streamOnce(target, forProvider(request, target), onToken, started));
        usage.record(owner, target.key().name(), target.model(), response.tokenUsage());
        meters.modelAnswered(
            target.key().provider(), target.model(), startedAt, response.tokenUsage());
        return new Answer(response, target.display());
      } catch (StreamFailure e) {
        meters.modelFailed(target.key().provider(), startedAt);
        last = redactedFailure(e.failure(), target);
        if (started[0]) {
          break;
        }
      }
    }
    throw problem(last, lastName);
  }

  private ChatResponse streamOnce(
      Target target, ChatRequest request, Consumer<String> onToken, boolean[] started) {
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    // The provider client streams on this thread, so the call below returns once the stream ended.
    models
        .streamingModel(target.key(), target.model())
        .chat(
            request,
            new StreamingChatResponseHandler() {
              @Override
              public void onPartialResponse(
                  PartialResponse partial, PartialResponseContext context) {
                started[0] = true;
                if (done.isDone()) {
                  return;
                }
                try {
                  onToken.accept(partial.text());
                } catch (RuntimeException e) {
                  // Whoever took the tokens is gone (an SSE client that hung up): stop the
                  // provider's stream, which closes its connection, instead of reading it to the
                  // end for nobody.
                  done.completeExceptionally(new TokensRefused(e));
                  context.streamingHandle().cancel();
                }
              }

              @Override
              public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
              }

              @Override
              public void onError(Throwable error) {
                done.completeExceptionally(error);
              }
            });
    if (Thread.currentThread().isInterrupted()) {
      throw new IllegalStateException("cancelled");
    }
    if (!done.isDone()) {
      throw new StreamFailure(new IllegalStateException("the stream ended without an answer"));
    }
    try {
      return done.getNow(null);
    } catch (CompletionException e) {
      if (e.getCause() instanceof TokensRefused refused) {
        throw refused.consumerFailure();
      }
      throw new StreamFailure(
          e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause()));
    }
  }

  /** The token consumer failed; its failure leaves the model call as it is, never retried. */
  private static final class TokensRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TokensRefused(RuntimeException cause) {
      super(cause);
    }

    RuntimeException consumerFailure() {
      return (RuntimeException) getCause();
    }
  }

  /** A streaming call that failed; carries the provider's error out of the key's slot. */
  private static final class StreamFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StreamFailure(RuntimeException cause) {
      super(cause);
    }

    RuntimeException failure() {
      return (RuntimeException) getCause();
    }
  }

  /**
   * The request as {@code target}'s provider takes it: a JSON-schema response format goes only to
   * providers that speak OpenAI's protocol; the others get the instruction in the prompt alone.
   */
  static ChatRequest forProvider(ChatRequest request, Target target) {
    if (request.responseFormat() == null || target.key().provider().openAiWire()) {
      return request;
    }
    return ChatRequest.builder()
        .messages(request.messages())
        .toolSpecifications(request.toolSpecifications())
        .build();
  }

  private ChatResponse withRetries(Target target, ChatRequest request) {
    int attempts = Math.max(1, config.provider().maxAttempts());
    for (int attempt = 1; ; attempt++) {
      try {
        return slots.withSlot(
            target.key(), () -> models.chatModel(target.key(), target.model()).chat(request));
      } catch (RuntimeException e) {
        if (attempt >= attempts || !retryable(e)) {
          throw e;
        }
        Duration wait = backoff(attempt, retryAfter(e));
        Log.debugf(
            "model %s: attempt %d failed (%s), retrying in %s",
            target.display(), attempt, e.getClass().getSimpleName(), wait);
        sleep(wait);
      }
    }
  }

  /** Capped exponential backoff with jitter; a provider's Retry-After wins, within the cap. */
  Duration backoff(int attempt, Duration retryAfter) {
    Duration max = config.provider().maxBackoff();
    if (retryAfter != null) {
      return retryAfter.compareTo(max) > 0 ? max : retryAfter;
    }
    long base = config.provider().initialBackoff().toMillis() << Math.min(attempt - 1, 16);
    long capped = Math.min(base, max.toMillis());
    long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    return Duration.ofMillis(jittered);
  }

  private static boolean retryable(Throwable e) {
    if (e instanceof RateLimitException || e instanceof InternalServerException) {
      return true;
    }
    Integer status = status(e);
    return status != null && (status == 429 || status >= 500);
  }

  private static Integer status(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException http) {
        return http.statusCode();
      }
    }
    return null;
  }

  private static Duration retryAfter(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProviderHttpException provider) {
        return provider.retryAfter();
      }
    }
    return null;
  }

  private static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException
          || t instanceof HttpTimeoutException
          || t instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCancellation(Throwable e) {
    return Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException;
  }

  private static RuntimeException redactedFailure(RuntimeException e, Target target) {
    String message = redact(providerMessage(e), target.key());
    return isTimeout(e)
        ? new ProviderTimeout(target.display() + " timed out" + timeoutDetail(e))
        : new IllegalStateException(target.display() + ": " + message);
  }

  /** ": no answer from <url> in time" when the timeout says where it called. */
  private static String timeoutDetail(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException
          && t.getMessage() != null
          && t.getMessage().startsWith("no answer from ")) {
        return ": " + t.getMessage();
      }
    }
    return "";
  }

  private static String providerMessage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException http) {
        return "HTTP " + http.statusCode() + " " + http.getMessage();
      }
      if (t instanceof ProviderUnreachable unreachable) {
        return unreachable.getMessage();
      }
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The message with the key and anything shaped like a key replaced. */
  static String redact(String message, ResolvedKey key) {
    if (message == null) {
      return "";
    }
    String out = message;
    if (key.apiKey() != null && !key.apiKey().isEmpty()) {
      out = out.replace(key.apiKey(), "[redacted]");
    }
    return SECRET_LIKE.matcher(out).replaceAll("[redacted]");
  }

  private static ProblemException problem(RuntimeException last, String modelName) {
    if (last instanceof ProviderTimeout) {
      return new ProblemException(504, "provider-timeout", "Model timed out", last.getMessage());
    }
    String detail = last == null ? modelName + " failed" : last.getMessage();
    return new ProblemException(502, "provider-error", "Model provider failed", detail);
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("cancelled while waiting to retry", e);
    }
  }

  /** A provider call that ran out of time. */
  static final class ProviderTimeout extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProviderTimeout(String message) {
      super(message);
    }
  }
}
