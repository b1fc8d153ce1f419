package dev.zoclone.pool.metrics;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The queue's depth as {@code zo.pool.jobs{status}} for the jobs not yet finished (PENDING, LEASED,
 * RUNNING), read from the database every {@code zo.metrics.pool-interval}, never on the scrape's
 * path; every replica reports the same shared queue. Also how long each lease transaction took
 * ({@code zo.pool.lease.latency{outcome}}: {@code leased} when it handed out jobs, {@code empty}
 * when none was ready), the long-poll's waiting not included.
 */
@Startup
@ApplicationScoped
public class PoolMeters {
  static final List<String> STATUSES = List.of("PENDING", "LEASED", "RUNNING");

  private final AgroalDataSource dataSource;
  private final Timer leased;
  private final Timer empty;
  private final Map<String, AtomicLong> depth =
      STATUSES.stream().collect(Collectors.toMap(Function.identity(), s -> new AtomicLong()));

  public PoolMeters(AgroalDataSource dataSource, MeterRegistry registry) {
    this.dataSource = dataSource;
    depth.forEach(
        (status, count) ->
            Gauge.builder("zo.pool.jobs", count, AtomicLong::get)
                .description("Jobs in the queue by status")
                .tag("status", status)
                .register(registry));
    leased = leaseTimer(registry, "leased");
    empty = leaseTimer(registry, "empty");
  }

  private static Timer leaseTimer(MeterRegistry registry, String outcome) {
    return Timer.builder("zo.pool.lease.latency")
        .description("How long a lease transaction took, by whether it handed out jobs")
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(registry);
  }

  /** A lease transaction begun at {@code startedNanos} ended, having leased jobs or none. */
  public void leaseTook(long startedNanos, boolean leasedJobs) {
    (leasedJobs ? leased : empty).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
  }

  @Scheduled(
      every = "${zo.metrics.pool-interval:15s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refresh() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT 'PENDING', count(*) FROM ready_job UNION ALL SELECT j.status, count(*)"
                    + " FROM held_job h JOIN job j ON j.id = h.id GROUP BY j.status");
        ResultSet rs = select.executeQuery()) {
      Map<String, Long> counts = new HashMap<>();
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
      depth.forEach((status, count) -> count.set(counts.getOrDefault(status, 0L)));
    } catch (SQLException e) {
      Log.debugf("cannot read the queue's depth: %s", e.toString());
    }
  }
}
