package dev.zoclone.skills.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.contract.skills.SkillRunView;
import dev.zoclone.skillkit.SkillRunResult;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stored runs of skill scripts, per owner. */
@ApplicationScoped
public class RunRepository {
  private static final String COLUMNS =
      "id, skill, version, script, exit_code, duration_ms, output, stderr, stdout_truncated,"
          + " stderr_truncated, timed_out, created_at";

  private final AgroalDataSource dataSource;
  private final ObjectMapper mapper;

  public RunRepository(AgroalDataSource dataSource, ObjectMapper mapper) {
    this.dataSource = dataSource;
    this.mapper = mapper;
  }

  /** Stores a finished run of {@code owner}, keeping that owner's newest {@code keep} runs. */
  public void insert(
      String owner, String skill, SkillRunResult result, String requestId, int keep) {
    String insert =
        "INSERT INTO skill_run (id, owner, skill, version, script, exit_code, duration_ms, output,"
            + " stderr, stdout_truncated, stderr_truncated, timed_out, request_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    String prune =
        "DELETE FROM skill_run WHERE id IN (SELECT id FROM skill_run WHERE owner = ?"
            + " ORDER BY created_at DESC OFFSET ?)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(insert);
        PreparedStatement pruning = connection.prepareStatement(prune)) {
      statement.setString(1, result.runId());
      statement.setString(2, owner);
      statement.setString(3, skill);
      statement.setString(4, result.version());
      statement.setString(5, result.script());
      statement.setInt(6, result.exitCode());
      statement.setLong(7, result.durationMs());
      statement.setString(8, mapper.writeValueAsString(result.output()));
      statement.setString(9, result.stderr().replace('\0', '\uFFFD'));
      statement.setBoolean(10, result.stdoutTruncated());
      statement.setBoolean(11, result.stderrTruncated());
      statement.setBoolean(12, result.timedOut());
      statement.setString(13, requestId);
      statement.executeUpdate();
      pruning.setString(1, owner);
      pruning.setInt(2, keep);
      pruning.executeUpdate();
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("cannot store run " + result.runId(), e);
    }
  }

  /** The owner's newest runs, of one skill when {@code skill} is not null. */
  public List<SkillRunView> list(String owner, String skill, int limit) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM skill_run WHERE owner = ? AND (?::text IS NULL OR skill = ?)"
            + " ORDER BY created_at DESC, id LIMIT ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, owner);
      statement.setString(2, skill);
      statement.setString(3, skill);
      statement.setInt(4, limit);
      List<SkillRunView> runs = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          runs.add(view(rs));
        }
      }
      return runs;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list runs", e);
    }
  }

  /** The run made for a Kafka request, if one was. */
  public Optional<SkillRunView> byRequest(String requestId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM skill_run WHERE request_id = ?")) {
      statement.setString(1, requestId);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(view(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read run of request " + requestId, e);
    }
  }

  private SkillRunView view(ResultSet rs) throws SQLException {
    return new SkillRunView(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getInt(5),
        rs.getLong(6),
        json(rs.getString(7)),
        rs.getString(8),
        rs.getBoolean(9),
        rs.getBoolean(10),
        rs.getBoolean(11),
        rs.getTimestamp(12).toInstant());
  }

  private JsonNode json(String text) {
    try {
      return text == null ? null : mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored run output is unreadable", e);
    }
  }
}
