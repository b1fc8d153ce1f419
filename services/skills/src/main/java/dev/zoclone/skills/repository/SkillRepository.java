package dev.zoclone.skills.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry's SQL: contents by hash, skills and their versions; runs in the caller's
 * transaction.
 */
@ApplicationScoped
public class SkillRepository {
  private static final String ROW =
      "SELECT s.id, s.owner, s.source, s.name, v.hash, v.manifest::text, v.warnings::text,"
          + " v.installed_at FROM skill s JOIN skill_version v ON v.skill_id = s.id";

  private final AgroalDataSource dataSource;

  public SkillRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Stores a version's files once per hash. */
  public void saveContent(String hash, byte[] archive, int fileCount, long totalBytes) {
    String sql =
        "INSERT INTO skill_content (hash, archive, file_count, total_bytes) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (hash) DO NOTHING";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, hash);
      statement.setBytes(2, archive);
      statement.setInt(3, fileCount);
      statement.setLong(4, totalBytes);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store skill content " + hash, e);
    }
  }

  /** Whether the content of {@code hash} is stored. */
  public boolean hasContent(String hash) {
    return queryOne("SELECT 1 FROM skill_content WHERE hash = ?", hash).isPresent();
  }

  /** The archive of {@code hash}. */
  public Optional<byte[]> archive(String hash) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT archive FROM skill_content WHERE hash = ?")) {
      statement.setString(1, hash);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read skill content " + hash, e);
    }
  }

  /**
   * Makes {@code hash} the current version of the skill (creating the skill if new) and records the
   * version; true when this version is new for the skill.
   */
  public boolean install(
      String owner,
      String source,
      String name,
      String hash,
      String manifestJson,
      String warningsJson) {
    String upsert =
        "INSERT INTO skill (owner, source, name, current_hash) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (owner, source, name) DO UPDATE SET current_hash = EXCLUDED.current_hash,"
            + " updated_at = now() RETURNING id";
    String version =
        "INSERT INTO skill_version (skill_id, hash, manifest, warnings)"
            + " VALUES (?, ?, ?::jsonb, ?::jsonb) ON CONFLICT DO NOTHING";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement skill = connection.prepareStatement(upsert);
        PreparedStatement insert = connection.prepareStatement(version)) {
      skill.setString(1, owner);
      skill.setString(2, source);
      skill.setString(3, name);
      skill.setString(4, hash);
      long id;
      try (ResultSet rs = skill.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
      insert.setLong(1, id);
      insert.setString(2, hash);
      insert.setString(3, manifestJson);
      insert.setString(4, warningsJson);
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot install skill " + name, e);
    }
  }

  /** How many skills {@code owner} installed for themselves (shared ones left out). */
  public long countOwned(String owner) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count =
            connection.prepareStatement("SELECT count(*) FROM skill WHERE owner = ?")) {
      count.setString(1, owner);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the skills of " + owner, e);
    }
  }

  /** Whether {@code owner} has a skill of this name from this source (a new version adds none). */
  public boolean owns(String owner, String source, String name) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement exists =
            connection.prepareStatement(
                "SELECT 1 FROM skill WHERE owner = ? AND source = ? AND name = ?")) {
      exists.setString(1, owner);
      exists.setString(2, source);
      exists.setString(3, name);
      try (ResultSet rs = exists.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot look up skill " + name, e);
    }
  }

  /** The current version of every skill {@code owner} can see (its own and the shared ones). */
  public List<SkillRow> visibleTo(String owner) {
    return rows(
        ROW + " WHERE s.owner IN (?, '') AND v.hash = s.current_hash ORDER BY s.name", owner);
  }

  /** The current versions of the skills named {@code name} that {@code owner} can see. */
  public List<SkillRow> named(String owner, String name) {
    return rows(
        ROW + " WHERE s.owner IN (?, '') AND s.name = ? AND v.hash = s.current_hash", owner, name);
  }

  /** Every version of one skill, newest first. */
  public List<SkillRow> versions(long skillId) {
    return rows(ROW + " WHERE s.id = ? ORDER BY v.installed_at DESC", skillId);
  }

  /** The shared skills of one folder source, current versions. */
  public List<SkillRow> ofSource(String source) {
    return rows(ROW + " WHERE s.owner = '' AND s.source = ? AND v.hash = s.current_hash", source);
  }

  /** Deletes a skill and all its versions. */
  public void delete(long skillId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("DELETE FROM skill WHERE id = ?")) {
      statement.setLong(1, skillId);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot delete skill " + skillId, e);
    }
  }

  private Optional<Object> queryOne(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(rs.getObject(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot query skills", e);
    }
  }

  private List<SkillRow> rows(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      List<SkillRow> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new SkillRow(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getTimestamp(8).toInstant()));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read skills", e);
    }
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
  }
}
