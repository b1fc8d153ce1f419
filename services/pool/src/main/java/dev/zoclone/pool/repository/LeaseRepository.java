package dev.zoclone.pool.repository;

import dev.zoclone.contract.pool.LeasedJob;
import dev.zoclone.pool.repository.JobBatchRepository.Changed;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A node's lease call in one round trip to the database: two statements sent together, one that
 * locks the node's row (so one node's leases never race each other past its slots), and one that
 * records the results the node reports and leases ready jobs into its free slots. The second
 * statement starts after the lock is held, so its snapshot sees every lease of the node committed
 * before. Runs in the caller's transaction.
 */
@ApplicationScoped
public class LeaseRepository {
  /**
   * Completes and leases. {@code n} is the node; {@code done} marks SUCCEEDED the reported jobs the
   * node still holds under the given lease tokens (the fence is in the WHERE, re-checked after each
   * row lock) and {@code released} takes them out of {@code held_job}; {@code free} is the node's
   * free slots, counting those just finished (the statement's snapshot still shows them held),
   * capped by the call's {@code max_jobs}; {@code ready} takes the first ready rows in queue order
   * whose kind the node runs (and the call asked for, when it named kinds) and whose requirements
   * its labels meet; their jobs' rows are locked without waiting too (a cancel locks a job's row
   * before it deletes the ready row, so waiting here could deadlock with it, and a job skipped so
   * stays ready); then the ready rows go, the jobs become LEASED and {@code holding} records them
   * in {@code held_job}. The node's labels and kinds are scalar subqueries, not a join, so the
   * ready rows are read in the index's order and the walk stops at the limit. Answers the leased
   * jobs, then the completed.
   *
   * <p>Parameters: node, owner; completed ids, tokens, results; owner; max jobs; owner; asked kinds
   * (null: any); node; lease TTL and timeout grace in ms.
   */
  static final String COMPLETE_AND_LEASE =
      "WITH n AS (SELECT id, labels, slots, kinds FROM node WHERE id = ? AND owner = ?),"
          + " done AS (UPDATE job j SET status = 'SUCCEEDED', lease_token = NULL,"
          + " lease_expires_at = NULL, deadline_at = NULL, error = NULL,"
          + " result = coalesce(d.result::jsonb, j.result), run_at = now(),"
          + " finished_at = clock_timestamp()"
          + " FROM unnest(?::text[], ?::bigint[], ?::text[]) AS d(id, token, result), n"
          + " WHERE j.id = d.id AND j.owner = ? AND j.node_id = n.id AND j.lease_token = d.token"
          + " AND j.status IN ('LEASED', 'RUNNING') AND j.lease_expires_at > now()"
          + " RETURNING j.id, j.attempts, j.idempotency_key),"
          + " released AS (DELETE FROM held_job h USING done WHERE h.id = done.id),"
          + " free AS (SELECT greatest(0, least(?, n.slots + (SELECT count(*) FROM done)"
          + " - (SELECT count(*) FROM held_job h WHERE h.node_id = n.id))) AS slots FROM n),"
          + " ready AS (SELECT r.id FROM ready_job r"
          + " WHERE r.owner = ? AND r.run_at <= now()"
          + " AND r.requirements <@ (SELECT labels FROM n)"
          + " AND r.kind = ANY ((SELECT kinds FROM n)::text[])"
          + " AND r.kind = ANY (coalesce(?::text[], (SELECT kinds FROM n)::text[]))"
          + " ORDER BY r.priority DESC, r.seq LIMIT coalesce((SELECT slots FROM free), 0)"
          + " FOR UPDATE SKIP LOCKED),"
          + " locked AS (SELECT j.id FROM job j JOIN ready ON j.id = ready.id"
          + " FOR UPDATE OF j SKIP LOCKED),"
          + " taken AS (DELETE FROM ready_job r USING locked WHERE r.id = locked.id),"
          + " leased AS (UPDATE job j SET status = 'LEASED', node_id = ?,"
          + " attempts = j.attempts + 1, lease_token = nextval('lease_token_seq'),"
          + " lease_expires_at = now() + ? * interval '1 millisecond',"
          + " deadline_at = now() + (j.timeout_s * 1000 + ?) * interval '1 millisecond',"
          + " started_at = clock_timestamp()"
          + " FROM locked WHERE j.id = locked.id"
          + " RETURNING j.id, j.kind, j.payload::text, j.priority, j.attempts, j.lease_token,"
          + " j.timeout_s, j.seq, j.idempotency_key, j.node_id),"
          + " holding AS (INSERT INTO held_job (id, node_id) SELECT id, node_id FROM leased)"
          + " SELECT true, id, kind, payload, priority, attempts, lease_token, timeout_s, seq,"
          + " idempotency_key FROM leased"
          + " UNION ALL SELECT false, id, NULL, NULL, NULL, attempts, NULL, NULL, NULL,"
          + " idempotency_key FROM done";

  private final AgroalDataSource dataSource;

  public LeaseRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A job just leased, with the idempotency key its event carries. */
  public record LeasedRow(LeasedJob job, String idempotencyKey) {}

  /** What one lease call did: the jobs it completed and those it leased, in queue order. */
  public record Outcome(List<Changed> completed, List<LeasedRow> leased) {}

  /** The results a node reports, as the columns of the completion: ids, lease tokens, results. */
  public record Reported(List<String> ids, List<Long> tokens, List<String> results) {}

  /**
   * Records the {@code reported} results of {@code nodeId}'s jobs and leases up to {@code maxJobs}
   * ready jobs of {@code owner} into its free slots, highest priority first and FIFO within a
   * priority; only jobs of the {@code kinds} asked for (null: any kind the node runs). Empty when
   * the owner has no such node.
   */
  public Optional<Outcome> completeAndLease(
      String owner,
      String nodeId,
      List<String> kinds,
      int maxJobs,
      Reported reported,
      long leaseTtlMs,
      long timeoutGraceMs) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(NodeRepository.TOUCH + "; " + COMPLETE_AND_LEASE)) {
      int i = 1;
      statement.setString(i++, nodeId);
      statement.setString(i++, owner);
      statement.setString(i++, nodeId);
      statement.setString(i++, owner);
      statement.setArray(i++, connection.createArrayOf("text", reported.ids().toArray()));
      statement.setArray(i++, connection.createArrayOf("int8", reported.tokens().toArray()));
      statement.setArray(i++, connection.createArrayOf("text", reported.results().toArray()));
      statement.setString(i++, owner);
      statement.setInt(i++, maxJobs);
      statement.setString(i++, owner);
      statement.setArray(
          i++, kinds == null ? null : connection.createArrayOf("text", kinds.toArray()));
      statement.setString(i++, nodeId);
      statement.setLong(i++, leaseTtlMs);
      statement.setLong(i, timeoutGraceMs);
      statement.execute();
      if (statement.getUpdateCount() != 1) {
        return Optional.empty();
      }
      statement.getMoreResults();
      try (ResultSet rs = statement.getResultSet()) {
        return Optional.of(outcome(rs));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot lease jobs for node " + nodeId, e);
    }
  }

  private static Outcome outcome(ResultSet rs) throws SQLException {
    List<Leased> leased = new ArrayList<>();
    List<Changed> completed = new ArrayList<>();
    while (rs.next()) {
      if (!rs.getBoolean(1)) {
        completed.add(new Changed(rs.getString(2), rs.getInt(6), rs.getString(10)));
        continue;
      }
      leased.add(
          new Leased(
              new LeasedJob(
                  rs.getString(2),
                  rs.getString(3),
                  JdbcJson.tree(rs.getString(4)),
                  rs.getInt(5),
                  rs.getInt(6),
                  rs.getLong(7),
                  (Integer) rs.getObject(8)),
              rs.getLong(9),
              rs.getString(10)));
    }
    // RETURNING keeps no order: restore the queue's.
    leased.sort(
        Comparator.comparingInt((Leased l) -> -l.job().priority()).thenComparingLong(Leased::seq));
    return new Outcome(
        completed, leased.stream().map(l -> new LeasedRow(l.job(), l.idempotencyKey())).toList());
  }

  private record Leased(LeasedJob job, long seq, String idempotencyKey) {}
}
