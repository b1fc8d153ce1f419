package dev.zoclone.agents.runs;

import dev.zoclone.agents.config.AgentsConfig;
import dev.zoclone.agents.metrics.AgentMeters;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs belong to the agents replica that runs them. Each replica writes a heartbeat row at start
 * and every interval; only the unfinished runs of a replica whose heartbeat expired (a replica that
 * died) are failed, never those of a live one. The database's clock decides expiry, so replicas on
 * machines whose clocks differ agree.
 */
@ApplicationScoped
public class RunOwnership {
  /** The error of a run whose replica died before it finished. */
  public static final String DEAD_REPLICA_REASON =
      "the agents replica running it stopped before the run finished";

  private final AgroalDataSource dataSource;
  private final AgentMeters meters;
  private final String replicaId;
  private final Duration expiry;

  public RunOwnership(AgroalDataSource dataSource, AgentsConfig config, AgentMeters meters) {
    this.dataSource = dataSource;
    this.meters = meters;
    this.replicaId = newId(config.replica().id());
    this.expiry = config.replica().expiry();
  }

  /** This replica's id, stored on every run it creates. */
  public String replicaId() {
    return replicaId;
  }

  /**
   * Writes this replica's heartbeat and fails the unfinished runs of dead replicas; at start and
   * every heartbeat interval. Returns how many runs were failed.
   */
  public int heartbeat() {
    try {
      int failed =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    try (Connection connection = dataSource.getConnection()) {
                      beat(connection);
                      int orphans = failRunsOfDeadReplicas(connection);
                      meters.liveReplicas(liveReplicas(connection));
                      return orphans;
                    }
                  });
      if (failed > 0) {
        meters.orphanedRunsFailed(failed);
        Log.infof("%d agent runs of agents replicas that stopped were marked FAILED", failed);
      }
      return failed;
    } catch (RuntimeException e) {
      Log.warnf("the agents replica heartbeat failed: %s", e.toString());
      return 0;
    }
  }

  @Scheduled(
      every = "${zo.agents.replica.heartbeat-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void beatEveryInterval() {
    heartbeat();
  }

  /** A replica that stops on purpose fails its own unfinished runs and leaves at once. */
  void onStop(@Observes ShutdownEvent event) {
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                try (Connection connection = dataSource.getConnection();
                    PreparedStatement fail =
                        connection.prepareStatement(
                            "UPDATE agent_run SET status = 'FAILED', error = ?, finished_at = now()"
                                + " WHERE replica_id = ? AND status IN ('QUEUED', 'RUNNING')");
                    PreparedStatement leave =
                        connection.prepareStatement("DELETE FROM agent_replica WHERE id = ?")) {
                  fail.setString(1, AgentRunner.RESTART_REASON);
                  fail.setString(2, replicaId);
                  fail.executeUpdate();
                  leave.setString(1, replicaId);
                  leave.executeUpdate();
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
    } catch (RuntimeException e) {
      Log.warnf("agents replica %s could not record its stop: %s", replicaId, e.toString());
    }
  }

  private void beat(Connection connection) throws SQLException {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO agent_replica (id) VALUES (?)"
                + " ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()")) {
      upsert.setString(1, replicaId);
      upsert.executeUpdate();
    }
  }

  /**
   * Fails unfinished runs whose replica has no live heartbeat (runs stored before replicas had ids
   * included), then forgets the expired replicas.
   */
  private int failRunsOfDeadReplicas(Connection connection) throws SQLException {
    int failed;
    try (PreparedStatement fail =
        connection.prepareStatement(
            "UPDATE agent_run r SET status = 'FAILED', error = ?, finished_at = now()"
                + " WHERE r.status IN ('QUEUED', 'RUNNING') AND NOT EXISTS ("
                + " SELECT 1 FROM agent_replica p WHERE p.id = r.replica_id"
                + " AND p.heartbeat_at > now() - make_interval(secs => ?))")) {
      fail.setString(1, DEAD_REPLICA_REASON);
      fail.setDouble(2, expiry.toMillis() / 1000.0);
      failed = fail.executeUpdate();
    }
    try (PreparedStatement forget =
        connection.prepareStatement(
            "DELETE FROM agent_replica WHERE heartbeat_at <= now() - make_interval(secs => ?)")) {
      forget.setDouble(1, expiry.toMillis() / 1000.0);
      forget.executeUpdate();
    }
    return failed;
  }

  private long liveReplicas(Connection connection) throws SQLException {
    try (PreparedStatement count =
        connection.prepareStatement(
            "SELECT count(*) FROM agent_replica"
                + " WHERE heartbeat_at > now() - make_interval(secs => ?)")) {
      count.setDouble(1, expiry.toMillis() / 1000.0);
      try (ResultSet rs = count.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /**
   * A new id for this start of the replica: its configured name (else the host name) and a random
   * suffix. A restarted process is a new replica even under the same name: it must not adopt the
   * runs and idempotency claims its killed predecessor left, which would then never be failed or
   * freed.
   */
  static String newId(Optional<String> name) {
    String prefix =
        name.filter(n -> !n.isBlank())
            .or(() -> Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()))
            .orElse("agents");
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
