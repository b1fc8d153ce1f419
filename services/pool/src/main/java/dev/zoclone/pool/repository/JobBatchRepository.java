package dev.zoclone.pool.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The queue's set-based SQL for batches: one statement inserts or completes many jobs, so a batch
 * costs one round trip and one commit instead of one per job. Runs in the caller's transaction.
 */
@ApplicationScoped
public class JobBatchRepository {
  private final AgroalDataSource dataSource;

  public JobBatchRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A job whose state a batch statement changed, with what its event needs. */
  public record Changed(String id, int attempts, String idempotencyKey) {}

  /** A job already submitted under an idempotency key. */
  public record Existing(String id, String status) {}

  /**
   * Inserts the jobs in order (so FIFO follows the list), skipping those whose owner already used
   * their idempotency key; answers the ids inserted.
   */
  public Set<String> insertAll(List<NewJob> jobs) {
    String sql =
        "WITH inserted AS (INSERT INTO job (id, owner, kind, payload, priority, requirements,"
            + " idempotency_key, max_attempts, timeout_s, status)"
            + " SELECT id, owner, kind, payload::jsonb, priority, requirements::jsonb, key,"
            + " max_attempts, timeout_s, 'PENDING'"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[],"
            + " ?::text[], ?::int[], ?::int[]) WITH ORDINALITY"
            + " AS j(id, owner, kind, payload, priority, requirements, key, max_attempts,"
            + " timeout_s, n)"
            + " ORDER BY n ON CONFLICT (owner, idempotency_key) WHERE idempotency_key IS NOT NULL"
            + " DO NOTHING RETURNING "
            + JobRepository.READY_COLUMNS
            + ") INSERT INTO ready_job ("
            + JobRepository.READY_COLUMNS
            + ") SELECT "
            + JobRepository.READY_COLUMNS
            + " FROM inserted RETURNING id";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      int size = jobs.size();
      Object[][] columns = new Object[9][size];
      for (int i = 0; i < size; i++) {
        NewJob job = jobs.get(i);
        columns[0][i] = job.id();
        columns[1][i] = job.owner();
        columns[2][i] = job.kind();
        columns[3][i] = job.payloadJson();
        columns[4][i] = job.priority();
        columns[5][i] = job.requirementsJson();
        columns[6][i] = job.idempotencyKey();
        columns[7][i] = job.maxAttempts();
        columns[8][i] = job.timeoutS();
      }
      String[] types = {"text", "text", "text", "text", "int4", "text", "text", "int4", "int4"};
      for (int c = 0; c < columns.length; c++) {
        statement.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
      }
      Set<String> inserted = new HashSet<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          inserted.add(rs.getString(1));
        }
      }
      return inserted;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot insert " + jobs.size() + " jobs", e);
    }
  }

  /** The owner's jobs submitted under these idempotency keys, by key. */
  public Map<String, Existing> findByIdempotencyKeys(String owner, List<String> keys) {
    String sql =
        "SELECT idempotency_key, id, status FROM job WHERE owner = ? AND idempotency_key = ANY (?)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, owner);
      statement.setArray(2, connection.createArrayOf("text", keys.toArray()));
      Map<String, Existing> found = new HashMap<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getString(1), new Existing(rs.getString(2), rs.getString(3)));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read jobs by idempotency key", e);
    }
  }

  /**
   * Records that the owner's node is alive and the results of the jobs it holds under a live lease
   * with the given token, in one round trip (two statements sent together); the fence is in the
   * completion's WHERE, so a job the reaper or a cancel took concurrently is re-checked after its
   * row lock and left alone. Answers the jobs completed; empty when the owner has no such node.
   */
  public Optional<List<Changed>> completeAll(
      String owner, String nodeId, List<String> ids, List<Long> tokens, List<String> results) {
    String complete =
        "WITH done AS (UPDATE job j SET status = 'SUCCEEDED', lease_token = NULL,"
            + " lease_expires_at = NULL,"
            + " deadline_at = NULL, error = NULL, result = coalesce(d.result::jsonb, j.result),"
            + " run_at = now(), finished_at = clock_timestamp()"
            + " FROM unnest(?::text[], ?::bigint[], ?::text[]) AS d(id, token, result)"
            + " WHERE j.id = d.id AND j.owner = ? AND j.node_id = ? AND j.lease_token = d.token"
            + " AND j.status IN ('LEASED', 'RUNNING') AND j.lease_expires_at > now()"
            + " RETURNING j.id, j.attempts, j.idempotency_key),"
            + " released AS (DELETE FROM held_job h USING done WHERE h.id = done.id)"
            + " SELECT id, attempts, idempotency_key FROM done";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(NodeRepository.TOUCH + "; " + complete)) {
      statement.setString(1, nodeId);
      statement.setString(2, owner);
      statement.setArray(3, connection.createArrayOf("text", ids.toArray()));
      statement.setArray(4, connection.createArrayOf("int8", tokens.toArray()));
      statement.setArray(5, connection.createArrayOf("text", results.toArray()));
      statement.setString(6, owner);
      statement.setString(7, nodeId);
      statement.execute();
      if (statement.getUpdateCount() != 1) {
        return Optional.empty();
      }
      statement.getMoreResults();
      List<Changed> completed = new ArrayList<>();
      try (ResultSet rs = statement.getResultSet()) {
        while (rs.next()) {
          completed.add(new Changed(rs.getString(1), rs.getInt(2), rs.getString(3)));
        }
      }
      return Optional.of(completed);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot complete the jobs of node " + nodeId, e);
    }
  }

  /**
   * Marks the jobs {@code nodeId} holds and reports running as RUNNING; answers those changed with
   * their attempts.
   */
  public List<Changed> markRunning(String nodeId, List<String> running) {
    if (running.isEmpty()) {
      return List.of();
    }
    String sql =
        "UPDATE job SET status = 'RUNNING' WHERE node_id = ? AND status = 'LEASED'"
            + " AND id = ANY (?) AND lease_expires_at > now() RETURNING id, attempts, idempotency_key";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, nodeId);
      statement.setArray(2, connection.createArrayOf("text", running.toArray()));
      List<Changed> started = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          started.add(new Changed(rs.getString(1), rs.getInt(2), rs.getString(3)));
        }
      }
      return started;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot mark the jobs of node " + nodeId + " running", e);
    }
  }
}
