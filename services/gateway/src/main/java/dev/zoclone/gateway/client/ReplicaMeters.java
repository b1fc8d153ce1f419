package dev.zoclone.gateway.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * The gateway's replica meters: {@code zo.gateway.replicas.ready} per service, and {@code
 * zo.gateway.upstream.failovers} per service (a request sent on to another replica).
 */
@Singleton
public class ReplicaMeters {
  private final MeterRegistry registry;

  public ReplicaMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers the gauge of {@code service}'s ready replicas, read from {@code ready}. */
  void readyReplicas(String service, Supplier<Number> ready) {
    Gauge.builder("zo.gateway.replicas.ready", ready)
        .description("Replicas of a service that take requests")
        .tag("service", service)
        .register(registry);
  }

  /** A request to {@code service} went on to another replica. */
  void failover(String service) {
    Counter.builder("zo.gateway.upstream.failovers")
        .description("Requests sent on to another replica after one failed to take them")
        .tag("service", service)
        .register(registry)
        .increment();
  }
}
