package dev.zoclone.platform.metrics;

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
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's outbox as meters: {@code zo.outbox.backlog} (rows not yet sent to Kafka) and {@code
 * zo.outbox.oldest.age} (seconds the oldest of them has waited). Read from the database every
 * {@code zo.metrics.outbox-interval}, never on the scrape's path; every replica reports the same
 * shared table.
 */
@Startup
@ApplicationScoped
public class OutboxMeters {
  private final AgroalDataSource dataSource;
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestAgeSeconds = new AtomicLong();

  public OutboxMeters(AgroalDataSource dataSource, MeterRegistry registry) {
    this.dataSource = dataSource;
    Gauge.builder("zo.outbox.backlog", backlog, AtomicLong::get)
        .description("Outbox rows not yet sent to Kafka")
        .register(registry);
    Gauge.builder("zo.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get)
        .description("Seconds the oldest unsent outbox row has waited")
        .baseUnit("seconds")
        .register(registry);
  }

  @Scheduled(
      every = "${zo.metrics.outbox-interval:15s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refresh() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)"
                    + " FROM outbox WHERE sent_at IS NULL");
        ResultSet rs = select.executeQuery()) {
      if (rs.next()) {
        backlog.set(rs.getLong(1));
        oldestAgeSeconds.set(Math.max(0, (long) rs.getDouble(2)));
      }
    } catch (SQLException e) {
      Log.debugf("cannot read the outbox backlog: %s", e.toString());
    }
  }
}
