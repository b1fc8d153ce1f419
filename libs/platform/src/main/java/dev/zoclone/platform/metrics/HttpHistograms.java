package dev.zoclone.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Publishes every service's HTTP request latency per route as histogram buckets, so a dashboard
 * takes percentiles over all replicas (a replica's own percentiles cannot be added up).
 */
@Singleton
public class HttpHistograms {
  private static final double[] BUCKETS =
      java.util.stream.Stream.of(5L, 10L, 25L, 50L, 100L, 250L, 500L, 1000L, 2500L, 5000L, 10000L)
          .mapToDouble(ms -> Duration.ofMillis(ms).toNanos())
          .toArray();

  /** Buckets from 5 ms to 10 s for the server and client request timers. */
  @Produces
  @Singleton
  public MeterFilter httpLatencyBuckets() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (id.getName().startsWith("http.server.requests")
            || id.getName().startsWith("http.client.requests")) {
          return DistributionStatisticConfig.builder()
              .serviceLevelObjectives(BUCKETS)
              .build()
              .merge(config);
        }
        return config;
      }
    };
  }
}
