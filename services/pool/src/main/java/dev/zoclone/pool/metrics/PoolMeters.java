package dev.zoclone.pool.metrics;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The queue's depth as {@code zo.pool.jobs{status}} for the jobs not yet finished (PENDING, LEASED,
 * RUNNING), read from the database every {@code zo.metrics.pool-interval}, never on the scrape's
 * path; every replica reports the same shared queue.
 */
@Startup
@ApplicationScoped
public class PoolMeters {
  static final List<String> STATUSES = List.of("PENDING", "LEASED", "RUNNING");

  private final AgroalDataSource dataSource;
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
  }

  @Scheduled(
      every = "${zo.metrics.pool-interval:15s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refresh() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT status, count(*) FROM job"
                    + " WHERE status IN ('PENDING', 'LEASED', 'RUNNING') GROUP BY status");
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
