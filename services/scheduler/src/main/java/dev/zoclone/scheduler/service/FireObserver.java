package dev.zoclone.scheduler.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * Watches each occurrence fire: how late it fired after its time ({@code zo.scheduler.fire.lag}),
 * and a span ({@code automation fire}) that its events are queued in, so the trace of a fired
 * automation runs on through Kafka to the service that acts on it.
 */
@Startup
@Singleton
public class FireObserver {
  private final Tracer tracer;
  private final Timer lag;

  public FireObserver(Tracer tracer, MeterRegistry registry) {
    this.tracer = tracer;
    this.lag =
        Timer.builder("zo.scheduler.fire.lag")
            .description("How long after its time an automation occurrence fired")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofHours(1))
            .register(registry);
  }

  /**
   * Runs {@code queueEvents} for the occurrence of {@code automationId} due at {@code due}, fired
   * by the pass at {@code now}.
   */
  public void fire(
      String automationId, String actionType, Instant due, Instant now, Runnable queueEvents) {
    Duration late = Duration.between(due, now);
    lag.record(late.isNegative() ? Duration.ZERO : late);
    Span span =
        tracer
            .spanBuilder("automation fire")
            .setAttribute("zo.automation.id", automationId)
            .setAttribute("zo.automation.action", actionType)
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      queueEvents.run();
    } finally {
      span.end();
    }
  }
}
