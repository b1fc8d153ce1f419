package dev.zoclone.pool.repository;

import dev.zoclone.contract.pool.JobView;
import dev.zoclone.pool.JobStatus;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The job queue's SQL. Every method runs in the caller's transaction; leasing claims rows with
 * {@code FOR UPDATE SKIP LOCKED}, so concurrent leasers never block on, or share, a job.
 */
@ApplicationScoped
public class JobRepository {
  /** The channel that announces ready jobs; the payload is the owner. */
  public static final String READY_CHANNEL = "zo_pool_job_ready";

  private static final String VIEW_COLUMNS =
      "id, kind, status, priority, attempts, max_attempts, timeout_s, requirements::text,"
          + " idempotency_key, node_id, payload::text, result::text, error, created_at, run_at,"
          + " started_at, finished_at";

  private static final String STATE_COLUMNS =
      "id, owner, status, attempts, max_attempts, node_id, lease_token,"
          + " coalesce(lease_expires_at > now(), false), coalesce(deadline_at < now(), false),"
          + " timeout_s";

  /** The columns of a ready job's row in {@code ready_job}, copied from its row in {@code job}. */
  static final String READY_COLUMNS = "id, owner, priority, seq, kind, requirements, run_at";

  /** Puts the jobs of a CTE {@code changed} that became PENDING back into the ready queue. */
  private static final String READY_AGAIN =
      "INSERT INTO ready_job ("
          + READY_COLUMNS
          + ") SELECT "
          + READY_COLUMNS
          + " FROM changed ON CONFLICT (id) DO UPDATE SET run_at = excluded.run_at";

  private final AgroalDataSource dataSource;

  public JobRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Inserts the job unless its owner already used its idempotency key; answers whether it did. */
  public boolean insert(NewJob job) {
    return update(
            "WITH inserted AS (INSERT INTO job (id, owner, kind, payload, priority, requirements,"
                + " idempotency_key, max_attempts, timeout_s, status)"
                + " VALUES (?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, 'PENDING')"
                + " ON CONFLICT (owner, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING"
                + " RETURNING "
                + READY_COLUMNS
                + ") INSERT INTO ready_job ("
                + READY_COLUMNS
                + ") SELECT "
                + READY_COLUMNS
                + " FROM inserted",
            job.id(),
            job.owner(),
            job.kind(),
            job.payloadJson(),
            job.priority(),
            job.requirementsJson(),
            job.idempotencyKey(),
            job.maxAttempts(),
            job.timeoutS())
        == 1;
  }

  /** How many of the owner's jobs wait in the queue (PENDING). */
  public long countPending(String owner) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count =
            connection.prepareStatement("SELECT count(*) FROM ready_job WHERE owner = ?")) {
      count.setString(1, owner);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the pending jobs of " + owner, e);
    }
  }

  /** The owner's job with this idempotency key. */
  public Optional<JobView> findByIdempotencyKey(String owner, String key) {
    return views("WHERE owner = ? AND idempotency_key = ?", owner, key).stream().findFirst();
  }

  /** The owner's job with this id. */
  public Optional<JobView> find(String owner, String id) {
    return views("WHERE owner = ? AND id = ?", owner, id).stream().findFirst();
  }

  /** The owner's newest jobs, optionally only those in {@code status}. */
  public List<JobView> list(String owner, JobStatus status, int limit) {
    if (status == null) {
      return views("WHERE owner = ? ORDER BY created_at DESC, seq DESC LIMIT ?", owner, limit);
    }
    return views(
        "WHERE owner = ? AND status = ? ORDER BY created_at DESC, seq DESC LIMIT ?",
        owner,
        status.name(),
        limit);
  }

  /** Locks the owner's job for a state change. */
  public Optional<JobState> lock(String owner, String id) {
    return states("WHERE owner = ? AND id = ? FOR UPDATE", owner, id).stream().findFirst();
  }

  /**
   * Renews the live leases of the jobs {@code nodeId} holds and says it runs; an expired one stays
   * expired. A job the node holds but does not report (its lease answer was lost in an outage) is
   * left to expire, so the reaper hands it to another node instead of it being renewed forever.
   */
  public int renewLeases(String nodeId, List<String> running, long leaseTtlMs) {
    if (running.isEmpty()) {
      return 0;
    }
    String sql =
        "UPDATE job SET lease_expires_at = now() + ? * interval '1 millisecond'"
            + " WHERE node_id = ? AND id = ANY (?) AND status IN ('LEASED', 'RUNNING')"
            + " AND lease_expires_at > now()";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, leaseTtlMs);
      statement.setString(2, nodeId);
      statement.setArray(3, connection.createArrayOf("text", running.toArray()));
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot renew the leases of node " + nodeId, e);
    }
  }

  /** Of the jobs {@code nodeId} says it runs, those it no longer holds under a live lease. */
  public List<String> notHeldBy(String nodeId, List<String> running) {
    if (running.isEmpty()) {
      return List.of();
    }
    String sql =
        "SELECT r.id FROM unnest(?::text[]) AS r(id) WHERE NOT EXISTS (SELECT 1 FROM job j"
            + " WHERE j.id = r.id AND j.node_id = ? AND j.status IN ('LEASED', 'RUNNING')"
            + " AND j.lease_expires_at > now())";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, connection.createArrayOf("text", running.toArray()));
      statement.setString(2, nodeId);
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check the jobs of node " + nodeId, e);
    }
  }

  /**
   * Locks up to {@code limit} held jobs whose lease expired or whose deadline passed; the held jobs
   * are those listed in the small {@code held_job} table, so this reads no more of {@code job} than
   * their rows (looked up by key).
   */
  public List<JobState> lockOverdue(int limit) {
    return states(
        "WHERE id = ANY (ARRAY(SELECT id FROM held_job)) AND status IN ('LEASED', 'RUNNING')"
            + " AND (lease_expires_at <= now() OR deadline_at < now()) LIMIT ?"
            + " FOR UPDATE SKIP LOCKED",
        limit);
  }

  /**
   * Ends the current attempt: the job enters {@code status}, leaves its node's lease (and {@code
   * held_job}), and, when PENDING again, becomes ready after {@code delayMs}.
   */
  public void release(String id, JobStatus status, long delayMs, String error, String resultJson) {
    String changed =
        "WITH changed AS (UPDATE job SET status = ?, lease_token = NULL, lease_expires_at = NULL,"
            + " deadline_at = NULL, error = ?, result = coalesce(?::jsonb, result),"
            + " run_at = now() + ? * interval '1 millisecond',"
            + " finished_at = CASE WHEN ? THEN clock_timestamp() END WHERE id = ? RETURNING "
            + READY_COLUMNS
            + "), released AS (DELETE FROM held_job h USING changed WHERE h.id = changed.id) ";
    update(
        changed
            + (status == JobStatus.PENDING
                ? READY_AGAIN
                : "DELETE FROM ready_job r USING changed WHERE r.id = changed.id"),
        status.name(),
        error,
        resultJson,
        delayMs,
        status != JobStatus.PENDING,
        id);
  }

  /** Makes a dead or failed job ready again with a fresh set of attempts. */
  public void revive(String id) {
    update(
        "WITH changed AS (UPDATE job SET status = 'PENDING', attempts = 0, run_at = now(),"
            + " finished_at = NULL, result = NULL, error = NULL, node_id = NULL WHERE id = ?"
            + " RETURNING "
            + READY_COLUMNS
            + ") "
            + READY_AGAIN,
        id);
  }

  /** Tells every replica's long-polling nodes of {@code owner} that a job is ready (at commit). */
  public void announceReady(String owner) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
      statement.setString(1, READY_CHANNEL);
      statement.setString(2, owner);
      statement.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot announce a ready job", e);
    }
  }

  private List<JobView> views(String where, Object... params) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT " + VIEW_COLUMNS + " FROM job " + where)) {
      bind(statement, params);
      List<JobView> views = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          views.add(
              new JobView(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getInt(4),
                  rs.getInt(5),
                  rs.getInt(6),
                  (Integer) rs.getObject(7),
                  JdbcJson.labels(rs.getString(8)),
                  rs.getString(9),
                  rs.getString(10),
                  JdbcJson.tree(rs.getString(11)),
                  JdbcJson.tree(rs.getString(12)),
                  rs.getString(13),
                  instant(rs.getTimestamp(14)),
                  instant(rs.getTimestamp(15)),
                  instant(rs.getTimestamp(16)),
                  instant(rs.getTimestamp(17)),
                  null));
        }
      }
      return views;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read jobs", e);
    }
  }

  private List<JobState> states(String where, Object... params) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT " + STATE_COLUMNS + " FROM job " + where)) {
      bind(statement, params);
      List<JobState> states = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          states.add(
              new JobState(
                  rs.getString(1),
                  rs.getString(2),
                  JobStatus.valueOf(rs.getString(3)),
                  rs.getInt(4),
                  rs.getInt(5),
                  rs.getString(6),
                  (Long) rs.getObject(7),
                  rs.getBoolean(8),
                  rs.getBoolean(9),
                  (Integer) rs.getObject(10)));
        }
      }
      return states;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot lock jobs", e);
    }
  }

  private int update(String sql, Object... params) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, params);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot update jobs", e);
    }
  }

  private static void bind(PreparedStatement statement, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object value = params[i];
      if (value == null) {
        statement.setNull(i + 1, Types.NULL);
      } else {
        statement.setObject(i + 1, value);
      }
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
