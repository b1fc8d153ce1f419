package dev.zoclone.supervisor.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Which replica runs which process: claims with a fencing token, renewals, and reports that count
 * only under the current token (as the pool's job leases).
 */
@ApplicationScoped
public class LeaseRepository {
  private final AgroalDataSource dataSource;

  public LeaseRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Takes the process for {@code replicaId} when no other replica holds a live lease on it; answers
   * the new fencing token.
   */
  public OptionalLong claim(String id, String replicaId, String replicaHost, Duration ttl) {
    String sql =
        "UPDATE process SET replica_id = ?, replica_host = ?, fencing_token = fencing_token + 1,"
            + " lease_expires_at = now() + ? * interval '1 millisecond' WHERE id = ?"
            + " AND (replica_id IS NULL OR replica_id = ? OR lease_expires_at IS NULL"
            + " OR lease_expires_at < now()) RETURNING fencing_token";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, replicaId);
      s.setString(2, replicaHost);
      s.setLong(3, ttl.toMillis());
      s.setString(4, id);
      s.setString(5, replicaId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot claim process " + id, e);
    }
  }

  /**
   * Ids of processes that should be running but whose replica's lease ran out (or that have none).
   */
  public List<String> orphans() {
    String sql =
        "SELECT id FROM process WHERE desired = 'RUNNING' AND NOT deleted"
            + " AND status IN ('STARTING', 'RUNNING', 'BACKOFF')"
            + " AND (lease_expires_at IS NULL OR lease_expires_at < now()) ORDER BY created_at";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      List<String> ids = new ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot find orphaned processes", e);
    }
  }

  /** Extends every lease {@code replicaId} holds; answers them with the owner's requests. */
  public List<HeldLease> renew(String replicaId, Duration ttl) {
    String sql =
        "UPDATE process SET lease_expires_at = now() + ? * interval '1 millisecond'"
            + " WHERE replica_id = ? RETURNING id, fencing_token, desired, restart_requests,"
            + " deleted";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, ttl.toMillis());
      s.setString(2, replicaId);
      List<HeldLease> held = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          held.add(
              new HeldLease(
                  rs.getString(1),
                  rs.getLong(2),
                  "RUNNING".equals(rs.getString(3)),
                  rs.getLong(4),
                  rs.getBoolean(5)));
        }
      }
      return held;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot renew the leases of " + replicaId, e);
    }
  }

  /** Writes what the replica observed; false when its lease is gone (another token is current). */
  public boolean report(String id, String replicaId, long token, ProcessReport r) {
    String sql =
        "UPDATE process SET status = ?, reason = ?, pid = ?, bound_port = ?, restarts = ?,"
            + " exit_code = ?, started_at = ? WHERE id = ? AND replica_id = ?"
            + " AND fencing_token = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, r.status().name());
      s.setString(2, r.reason());
      s.setObject(3, r.pid(), Types.BIGINT);
      s.setObject(4, r.boundPort(), Types.INTEGER);
      s.setInt(5, r.restarts());
      s.setObject(6, r.exitCode(), Types.INTEGER);
      s.setTimestamp(7, r.startedAt() == null ? null : Timestamp.from(r.startedAt()));
      s.setString(8, id);
      s.setString(9, replicaId);
      s.setLong(10, token);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot report on process " + id, e);
    }
  }

  /** Removes a process the replica stopped after its owner deleted it, under its token. */
  public void deleteHeld(String id, String replicaId, long token) {
    String sql = "DELETE FROM process WHERE id = ? AND replica_id = ? AND fencing_token = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, id);
      s.setString(2, replicaId);
      s.setLong(3, token);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot delete process " + id, e);
    }
  }

  /** Gives up every lease of the replica, so another replica may take its processes at once. */
  public void releaseAll(String replicaId) {
    String sql = "UPDATE process SET lease_expires_at = NULL WHERE replica_id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, replicaId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot release the leases of " + replicaId, e);
    }
  }
}
