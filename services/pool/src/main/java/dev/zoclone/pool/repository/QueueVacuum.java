package dev.zoclone.pool.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Vacuums the queue's small tables every few seconds, so a lease never walks the index entries of
 * the jobs leased or finished before (they stay in the index, killed but not removed, until a
 * vacuum). The tables hold only PENDING jobs ({@code ready_job}) and held ones ({@code held_job}),
 * so each vacuum reads few pages; replicas skip a vacuum another one is running.
 */
@ApplicationScoped
public class QueueVacuum {
  private final AgroalDataSource dataSource;

  public QueueVacuum(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Scheduled(
      every = "${zo.pool.ready-vacuum-interval:2s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    try {
      vacuum();
    } catch (SQLException e) {
      Log.warnf("cannot vacuum the ready queue: %s", e.toString());
    }
  }

  /**
   * Vacuums {@code ready_job} and {@code held_job} now, indexes included (outside any transaction).
   */
  public void vacuum() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute("VACUUM (SKIP_LOCKED, INDEX_CLEANUP ON) ready_job, held_job");
    }
  }
}
