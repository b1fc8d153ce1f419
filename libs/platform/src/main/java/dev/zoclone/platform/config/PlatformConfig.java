package dev.zoclone.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings every service shares, under {@code zo.platform}. */
@ConfigMapping(prefix = "zo.platform")
public interface PlatformConfig {

  /**
   * The secret the gateway sends in {@code X-Zo-Internal-Secret}; a service trusts the caller named
   * in {@code X-Zo-User} only when the two match. Set from {@code ZO_INTERNAL_SECRET}.
   */
  String internalSecret();

  /** Caller identity on inbound requests. */
  Identity identity();

  /** Kafka topics created at start-up. */
  Kafka kafka();

  /** The transactional outbox relay. */
  Outbox outbox();

  /** Requests to URLs that users supply. */
  Egress egress();

  /** Requests to URLs that users supply (see {@code EgressPolicy}). */
  interface Egress {
    /**
     * Whether loopback, private, shared and unique-local addresses may be reached; {@code bin/zo
     * up} allows them on a laptop, container and Kubernetes deployments do not. Link-local and
     * metadata addresses are refused either way.
     */
    @WithDefault("false")
    boolean allowPrivate();
  }

  /** Caller identity on inbound requests. */
  interface Identity {
    /** Whether requests must carry the gateway's secret and a caller; off in the gateway. */
    @WithDefault("true")
    boolean enabled();
  }

  /** Kafka topics created at start-up. */
  interface Kafka {
    /** Partitions of each platform topic when this service creates it. */
    @WithDefault("3")
    int partitions();

    /** Replication factor of each platform topic when this service creates it. */
    @WithDefault("1")
    short replicationFactor();

    /** How long a broker call may take before readiness reports DOWN. */
    @WithDefault("3s")
    Duration timeout();
  }

  /** The transactional outbox relay. */
  interface Outbox {
    /** Whether the relay runs; a test stops it to simulate a crash before sending. */
    @WithDefault("true")
    boolean enabled();

    /** Most rows sent in one relay pass. */
    @WithDefault("200")
    int batchSize();

    /**
     * Most payload bytes sent in one relay pass (a batch row can hold hundreds of events), so a
     * backlog is drained in bounded passes; a pass always takes at least one row.
     */
    @WithDefault("8388608")
    long maxPassBytes();

    /**
     * Send attempts of one row before it is dead-lettered: kept, never tried again, listed by
     * {@code GET /internal/v1/outbox/dead-letters}. A row the broker refuses for good (too large,
     * invalid topic) is dead-lettered at its first failure.
     */
    @WithDefault("20")
    int maxAttempts();

    /** Longest wait before a row that failed to send is tried again. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** How long a sent row is kept (to inspect what was published) before it is deleted. */
    @WithDefault("1h")
    Duration retention();
  }
}
