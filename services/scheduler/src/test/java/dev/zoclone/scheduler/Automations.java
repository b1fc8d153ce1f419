package dev.zoclone.scheduler;

import dev.zoclone.contract.scheduler.AutomationAction;
import dev.zoclone.contract.scheduler.NewAutomation;
import dev.zoclone.scheduler.service.AutomationService;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test helper: creates automations through the service and reads runs straight from the tables. */
@ApplicationScoped
public class Automations {
  private final AutomationService service;
  private final AgroalDataSource dataSource;

  public Automations(AutomationService service, AgroalDataSource dataSource) {
    this.service = service;
    this.dataSource = dataSource;
  }

  /** Creates an active automation for a fresh owner; answers its id. */
  public String create(String rrule, String dtstart, String catchUp, AutomationAction action) {
    return create("owner-" + UUID.randomUUID(), rrule, dtstart, catchUp, action);
  }

  /** Creates an active automation for {@code owner}; answers its id. */
  public String create(
      String owner, String rrule, String dtstart, String catchUp, AutomationAction action) {
    return service
        .create(
            owner, new NewAutomation("test", rrule, dtstart, "UTC", null, action, true, catchUp))
        .id();
  }

  /**
   * Pauses every automation. The tests share one database, and a firing pass fires everything due
   * in it: a test that fires calls this first, so earlier tests' automations (40 minutely ones with
   * catch-up "all", say) cannot slow it down or mix into what it checks.
   */
  public void pauseAll() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update = c.prepareStatement("UPDATE automation SET active = false")) {
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Spaces the next attempts of the given automations' runs one millisecond apart, in the order
   * given, so that runs fired together are claimed in that order rather than in the order of their
   * random ids.
   */
  public void attemptsInOrder(List<String> automationIds) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE automation_run SET next_attempt_at = next_attempt_at"
                    + " + ? * interval '1 millisecond' WHERE automation_id = ?::uuid")) {
      for (int i = 0; i < automationIds.size(); i++) {
        update.setInt(1, i);
        update.setString(2, automationIds.get(i));
        update.addBatch();
      }
      update.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The stored next occurrence. */
  public Instant nextRunAt(String id) {
    List<Instant> values =
        query(
            "SELECT next_run_at FROM automation WHERE id = ?::uuid",
            id,
            rs -> rs.getTimestamp(1).toInstant());
    return values.isEmpty() ? null : values.get(0);
  }

  /** Moves the stored next occurrence, as if the service had been down since {@code at}. */
  public void setNextRunAt(String id, Instant at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement("UPDATE automation SET next_run_at = ? WHERE id = ?::uuid")) {
      update.setTimestamp(1, Timestamp.from(at));
      update.setString(2, id);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The automation's run occurrences, oldest first. */
  public List<Instant> runOccurrences(String id) {
    return query(
        "SELECT occurrence_at FROM automation_run WHERE automation_id = ?::uuid ORDER BY occurrence_at",
        id,
        rs -> rs.getTimestamp(1).toInstant());
  }

  /** The owner of a run. */
  public String runOwner(String runId) {
    return query(
            "SELECT owner FROM automation_run WHERE id = ?::uuid", runId, rs -> rs.getString(1))
        .get(0);
  }

  /** The stored index of the next run of a COUNT rule, or null. */
  public Long countIndex(String id) {
    List<Long> values =
        query(
            "SELECT count_index FROM automation WHERE id = ?::uuid",
            id,
            rs -> rs.getObject(1) == null ? null : rs.getLong(1));
    return values.isEmpty() ? null : values.get(0);
  }

  /** The automation's run ids, oldest first. */
  public List<String> runIds(String id) {
    return query(
        "SELECT id FROM automation_run WHERE automation_id = ?::uuid ORDER BY occurrence_at",
        id,
        rs -> rs.getString(1));
  }

  /** Status, attempts and detail of one run. */
  public List<String> run(String runId) {
    return query(
        "SELECT status || '|' || attempts || '|' || coalesce(detail, '') FROM automation_run WHERE id = ?::uuid",
        runId,
        rs -> rs.getString(1));
  }

  /** The whole automation row as PostgreSQL writes it as text (bytea columns in hex). */
  public String rowText(String id) {
    return query("SELECT a::text FROM automation a WHERE id = ?::uuid", id, rs -> rs.getString(1))
        .get(0);
  }

  /** The fingerprint of the master key that sealed the automation's secret, or null. */
  public String secretKey(String id) {
    return query("SELECT secret_key FROM automation WHERE id = ?::uuid", id, rs -> rs.getString(1))
        .get(0);
  }

  /** Runs an UPDATE whose one parameter is the automation id; answers the rows changed. */
  public int update(String sql, String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update = c.prepareStatement(sql)) {
      update.setString(1, id);
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads one column per row. */
  public interface Column<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, String parameter, Column<T> column) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setString(1, parameter);
      List<T> values = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          values.add(column.read(rs));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
