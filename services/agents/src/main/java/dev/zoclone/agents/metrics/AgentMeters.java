package dev.zoclone.agents.metrics;

import dev.langchain4j.model.output.TokenUsage;
import dev.zoclone.agents.models.Provider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agents service's own meters: model calls and their latency per provider ({@code
 * zo.agents.model.calls}), tokens per model ({@code zo.agents.tokens}), live agents replicas and
 * runs failed because their replica died. No tag names a user.
 */
@Singleton
public class AgentMeters {
  /** Model names come from users' requests: at most this many get a series of their own. */
  static final int MAX_MODEL_TAGS = 100;

  private final MeterRegistry registry;
  private final AtomicLong liveReplicas = new AtomicLong();

  public AgentMeters(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("zo.agents.replicas.live", liveReplicas, AtomicLong::get)
        .description("Agents replicas whose heartbeat is current")
        .register(registry);
  }

  /** Tokens of models past the first {@link #MAX_MODEL_TAGS} are not recorded per model. */
  @Produces
  @Singleton
  MeterFilter boundedModelTags() {
    return MeterFilter.maximumAllowableTags(
        "zo.agents.tokens", "model", MAX_MODEL_TAGS, MeterFilter.deny());
  }

  /** A model call that answered, begun at {@code startedNanos}, and the tokens it used. */
  public void modelAnswered(Provider provider, String model, long startedNanos, TokenUsage tokens) {
    timer(provider, "success").record(Duration.ofNanos(System.nanoTime() - startedNanos));
    if (tokens != null) {
      tokens(model, "input", tokens.inputTokenCount());
      tokens(model, "output", tokens.outputTokenCount());
    }
  }

  /** A model call that failed (after its retries), begun at {@code startedNanos}. */
  public void modelFailed(Provider provider, long startedNanos) {
    timer(provider, "failure").record(Duration.ofNanos(System.nanoTime() - startedNanos));
  }

  /** Runs failed because the replica running them died. */
  public void orphanedRunsFailed(int runs) {
    Counter.builder("zo.agents.runs.orphaned")
        .description("Agent runs failed because the replica running them stopped")
        .register(registry)
        .increment(runs);
  }

  /** How many agents replicas the last heartbeat found alive (this one included). */
  public void liveReplicas(long count) {
    liveReplicas.set(count);
  }

  private Timer timer(Provider provider, String outcome) {
    return Timer.builder("zo.agents.model.calls")
        .description("Model calls and how long they took, retries included")
        .tag("provider", provider.name().toLowerCase(Locale.ROOT))
        .tag("outcome", outcome)
        .register(registry);
  }

  private void tokens(String model, String direction, Integer count) {
    if (count != null && count > 0) {
      Counter.builder("zo.agents.tokens")
          .description("Tokens the models used")
          .tag("model", model == null ? "unknown" : model)
          .tag("direction", direction)
          .register(registry)
          .increment(count);
    }
  }
}
