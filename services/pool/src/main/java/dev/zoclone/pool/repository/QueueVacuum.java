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
 * so each vacuum reads few pages; replicas skip a vacuum another one is running. It analyzes them
 * too: their size swings between empty and the whole backlog within seconds, and a plan made while
 * the planner thought {@code ready_job} small reads and sorts every ready job of the owner at each
 * lease (63 ms at 100,000 ready, against 0.2 ms walking its index) until autovacuum, which visits
 * once a minute, analyzes it; a new analysis makes every connection plan its statements again.
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

  /** Vacuums and analyzes {@code ready_job} and {@code held_job} now (outside any transaction). */
  public void vacuum() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute("VACUUM (ANALYZE, SKIP_LOCKED, INDEX_CLEANUP ON) ready_job, held_job");
    }
  }
}
