package dev.zoclone.supervisor.repository;

import dev.zoclone.supervisor.ProcessDefinition;
import dev.zoclone.supervisor.ProcessMode;
import dev.zoclone.supervisor.ProcessStatus;
import dev.zoclone.supervisor.RestartPolicy;
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
import java.util.Optional;

/** Process definitions and the owner's requests, by owner and name. */
@ApplicationScoped
public class ProcessRepository {
  static final String COLUMNS =
      "id, owner, name, command, args::text, env::text, workdir, mode, port, restart,"
          + " max_restarts, start_seconds, stop_grace_ms, backoff_ms, visibility, desired,"
          + " restart_requests, deleted, status, reason, pid, bound_port, restarts, exit_code,"
          + " started_at, replica_id, replica_host, fencing_token,"
          + " coalesce(lease_expires_at > now(), false)";

  private final AgroalDataSource dataSource;

  public ProcessRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Thrown when the owner already has a process of that name. */
  public static class DuplicateNameException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DuplicateNameException(String name) {
      super(name);
    }
  }

  /** Stores a new process, leased at once to {@code replicaId} under fencing token 1. */
  public void insert(ProcessDefinition d, String replicaId, String replicaHost, Duration ttl) {
    String sql =
        "INSERT INTO process (id, owner, name, command, args, env, workdir, mode, port, restart,"
            + " max_restarts, start_seconds, stop_grace_ms, backoff_ms, visibility, desired,"
            + " status, replica_id, replica_host, fencing_token, lease_expires_at)"
            + " VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING',"
            + " 'STARTING', ?, ?, 1, now() + ? * interval '1 millisecond')";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, d.id());
      s.setString(2, d.owner());
      s.setString(3, d.name());
      int next = bindDefinition(s, 4, d);
      s.setString(next, replicaId);
      s.setString(next + 1, replicaHost);
      s.setLong(next + 2, ttl.toMillis());
      s.executeUpdate();
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw new DuplicateNameException(d.name());
      }
      throw new IllegalStateException("cannot store process " + d.name(), e);
    }
  }

  /** Replaces the definition's fields (not its id, owner or name). */
  public void updateDefinition(ProcessDefinition d) {
    String sql =
        "UPDATE process SET command = ?, args = ?::jsonb, env = ?::jsonb, workdir = ?, mode = ?,"
            + " port = ?, restart = ?, max_restarts = ?, start_seconds = ?, stop_grace_ms = ?,"
            + " backoff_ms = ?, visibility = ? WHERE id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      int next = bindDefinition(s, 1, d);
      s.setString(next, d.id());
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot update process " + d.name(), e);
    }
  }

  /** The owner's process named {@code name}. */
  public Optional<ProcessRow> find(String owner, String name) {
    List<ProcessRow> rows =
        query("SELECT " + COLUMNS + " FROM process WHERE owner = ? AND name = ?", owner, name);
    return rows.stream().findFirst();
  }

  /** The process with this id. */
  public Optional<ProcessRow> findById(String id) {
    return query("SELECT " + COLUMNS + " FROM process WHERE id = ?", id).stream().findFirst();
  }

  /** How many processes the owner has, leaving out those being removed. */
  public long countOwned(String owner) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM process WHERE owner = ? AND NOT deleted")) {
      s.setString(1, owner);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the processes of " + owner, e);
    }
  }

  /** The owner's processes by name. */
  public List<ProcessRow> list(String owner) {
    return query("SELECT " + COLUMNS + " FROM process WHERE owner = ? ORDER BY name", owner);
  }

  /** Records that the owner wants the process running (and a new run) or stopped. */
  public void request(String id, boolean run, boolean newRun) {
    String sql =
        "UPDATE process SET desired = ?, restart_requests = restart_requests + ? WHERE id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, run ? "RUNNING" : "STOPPED");
      s.setInt(2, newRun ? 1 : 0);
      s.setString(3, id);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record a request for process " + id, e);
    }
  }

  /** Marks the process for removal by the replica that runs it. */
  public void markDeleted(String id) {
    update("UPDATE process SET deleted = true, desired = 'STOPPED' WHERE id = ?", id);
  }

  /** Removes the process. */
  public void delete(String id) {
    update("DELETE FROM process WHERE id = ?", id);
  }

  private void update(String sql, String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, id);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot change process " + id, e);
    }
  }

  private static int bindDefinition(PreparedStatement s, int i, ProcessDefinition d)
      throws SQLException {
    s.setString(i, d.command());
    s.setString(i + 1, JsonColumns.write(d.args()));
    s.setString(i + 2, JsonColumns.write(d.env()));
    s.setString(i + 3, d.workdir());
    s.setString(i + 4, d.mode().wire());
    if (d.port() == null) {
      s.setNull(i + 5, Types.INTEGER);
    } else {
      s.setInt(i + 5, d.port());
    }
    s.setString(i + 6, d.restart().wire());
    s.setInt(i + 7, d.maxRestarts());
    s.setInt(i + 8, d.startSeconds());
    s.setInt(i + 9, d.stopGraceMs());
    s.setInt(i + 10, d.backoffMs());
    s.setString(i + 11, d.visibility());
    return i + 12;
  }

  List<ProcessRow> query(String sql, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      List<ProcessRow> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(read(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read processes", e);
    }
  }

  private static ProcessRow read(ResultSet rs) throws SQLException {
    ProcessDefinition definition =
        new ProcessDefinition(
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            JsonColumns.list(rs.getString(5)),
            JsonColumns.map(rs.getString(6)),
            rs.getString(7),
            ProcessMode.parse(rs.getString(8)).orElseThrow(),
            (Integer) rs.getObject(9),
            RestartPolicy.parse(rs.getString(10)).orElseThrow(),
            rs.getInt(11),
            rs.getInt(12),
            rs.getInt(13),
            rs.getInt(14),
            rs.getString(15));
    Timestamp started = rs.getTimestamp(25);
    return new ProcessRow(
        definition,
        "RUNNING".equals(rs.getString(16)),
        rs.getLong(17),
        rs.getBoolean(18),
        ProcessStatus.valueOf(rs.getString(19)),
        rs.getString(20),
        (Long) rs.getObject(21),
        (Integer) rs.getObject(22),
        rs.getInt(23),
        (Integer) rs.getObject(24),
        started == null ? null : started.toInstant(),
        rs.getString(26),
        rs.getString(27),
        rs.getLong(28),
        rs.getBoolean(29));
  }
}
