package dev.zoclone.supervisor.metrics;

import dev.zoclone.supervisor.ProcessStatus;
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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The supervised processes by status as {@code zo.supervisor.processes{status}}, read from the
 * database every {@code zo.metrics.supervisor-interval}, never on the scrape's path; every replica
 * reports the same shared table.
 */
@Startup
@ApplicationScoped
public class ProcessMeters {
  private final AgroalDataSource dataSource;
  private final Map<ProcessStatus, AtomicLong> counts = new EnumMap<>(ProcessStatus.class);

  public ProcessMeters(AgroalDataSource dataSource, MeterRegistry registry) {
    this.dataSource = dataSource;
    for (ProcessStatus status : ProcessStatus.values()) {
      AtomicLong count = new AtomicLong();
      counts.put(status, count);
      Gauge.builder("zo.supervisor.processes", count, AtomicLong::get)
          .description("Supervised processes by status")
          .tag("status", status.name())
          .register(registry);
    }
  }

  @Scheduled(
      every = "${zo.metrics.supervisor-interval:15s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refresh() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT status, count(*) FROM process WHERE NOT deleted GROUP BY status");
        ResultSet rs = select.executeQuery()) {
      Map<String, Long> found = new HashMap<>();
      while (rs.next()) {
        found.put(rs.getString(1), rs.getLong(2));
      }
      counts.forEach((status, count) -> count.set(found.getOrDefault(status.name(), 0L)));
    } catch (SQLException e) {
      Log.debugf("cannot count the processes by status: %s", e.toString());
    }
  }
}
