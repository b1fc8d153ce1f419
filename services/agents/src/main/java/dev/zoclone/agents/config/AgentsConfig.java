package dev.zoclone.agents.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the agents service, under {@code zo.agents}. */
@ConfigMapping(prefix = "zo.agents")
public interface AgentsConfig {

  /**
   * Base64 of the 32-byte AES-256 master key that encrypts provider keys ({@code ZO_MASTER_KEY}).
   */
  String masterKey();

  /**
   * A file holding the master key (base64), re-read whenever it changes ({@code
   * ZO_MASTER_KEY_FILE}): a replica then seals with the key it holds and still opens keys sealed
   * under the earlier ones, which is how a rotation reaches every replica.
   */
  Optional<String> masterKeyFile();

  /**
   * The model name used when neither the request nor the key names one, e.g. {@code
   * openai:gpt-4o-mini}.
   */
  Optional<String> defaultModel();

  /** Most model calls one ask may make while the model keeps calling tools. */
  @WithDefault("6")
  int maxToolSteps();

  /** Tokens the recent turns of a conversation may take in the context. */
  @WithDefault("3000")
  int contextTokenBudget();

  /** Memories recalled for each new message. */
  @WithDefault("5")
  int recallTopK();

  /** Most model objects kept built; the least recently used is dropped first. */
  @WithDefault("200")
  int modelCacheSize();

  /** Provider calls. */
  Provider provider();

  /** Parallel agents. */
  Runs runs();

  /** How asks show the caller's skills to the model. */
  Skills skills();

  /** Settings of the skills listing in an ask's system prompt. */
  interface Skills {
    /** Characters of the system prompt's list of skills, at most. */
    @WithDefault("4000")
    int promptMaxChars();
  }

  /** Provider calls. */
  interface Provider {
    /** How long one provider call may take, its whole answer read included. */
    @WithDefault("60s")
    Duration timeout();

    /** How long one streamed provider call may take, its whole stream read included. */
    @WithDefault("10m")
    Duration streamTimeout();

    /** Attempts per model on a 429 or 5xx, the first included. */
    @WithDefault("3")
    int maxAttempts();

    /** Wait before the first retry; doubles each retry. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** Longest wait between retries, whatever Retry-After says. */
    @WithDefault("10s")
    Duration maxBackoff();

    /**
     * Model calls one key (one owner's key name) may have in flight at once in this replica;
     * further calls wait for a slot, so one key cannot take every provider connection.
     */
    @WithDefault("100")
    int maxConcurrencyPerKey();
  }

  /** Parallel agents. */
  interface Runs {
    /**
     * Agents running at once in this replica (one thread each, started when needed: the threads
     * mostly wait for providers).
     */
    @WithDefault("512")
    int maxConcurrency();

    /** Agents one user may run at once in this replica (also bounded by {@link #maxShare}). */
    @WithDefault("100")
    int maxConcurrencyPerUser();

    /** The share of {@link #maxConcurrency} one user may run at once, from 0 to 1. */
    @WithDefault("0.25")
    double maxShare();

    /** Runs one user may have in flight (queued or running) in this replica; more is a 429. */
    @WithDefault("1000")
    int maxInFlightPerUser();

    /** Runs all users may have in flight (queued or running) in this replica; more is a 429. */
    @WithDefault("10000")
    int queueCapacity();

    /** How long an agent may run when the request names no timeout. */
    @WithDefault("120s")
    Duration defaultTimeout();

    /** The longest {@code timeout_ms} a request may name. */
    @WithDefault("30m")
    Duration maxTimeout();

    /**
     * How long the replica may stay not ready while it warms a run's path up at start; past it, it
     * is ready warm or not (a step waiting on a service that does not answer).
     */
    @WithDefault("30s")
    Duration warmUpMaxWait();
  }

  /** Requests sent with an {@code Idempotency-Key}. */
  Idempotency idempotency();

  /** How long answers of requests sent with an {@code Idempotency-Key} are kept. */
  interface Idempotency {
    /** A key answers the same for this long. */
    @WithDefault("24h")
    Duration ttl();

    /** A key whose first request has not answered after this long (its process died) is freed. */
    @WithDefault("45m")
    Duration staleAfter();
  }

  /** The browser_* tools. */
  Browser browser();

  /** The browser_* tools: one browser session per conversation. */
  interface Browser {
    /** A conversation's browser session is closed after this long unused. */
    @WithDefault("5m")
    Duration idleTimeout();

    /** How often idle browser sessions are looked for. */
    @WithDefault("30s")
    Duration idleCheckInterval();
  }

  /** This replica's claim on its runs. */
  Replica replica();

  /** How a replica keeps its runs: a heartbeat row, and runs of expired replicas failed. */
  interface Replica {
    /**
     * This replica's name (the host name by default); its id is the name and a random suffix, new
     * at every start.
     */
    Optional<String> id();

    /** How often the heartbeat is written and expired replicas are looked for. */
    @WithDefault("5s")
    Duration heartbeatInterval();

    /** A replica whose heartbeat is older than this is dead: its unfinished runs are failed. */
    @WithDefault("30s")
    Duration expiry();
  }
}
