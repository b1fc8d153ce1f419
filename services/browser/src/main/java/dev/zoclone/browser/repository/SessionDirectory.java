package dev.zoclone.browser.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Which replica holds each live session. */
@ApplicationScoped
public class SessionDirectory {
  private final AgroalDataSource dataSource;

  public SessionDirectory(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void register(String id, String owner, String replicaUrl) {
    update(
        "INSERT INTO session_directory (id, owner, replica_url) VALUES (?, ?, ?)",
        id,
        owner,
        replicaUrl);
  }

  public void remove(String id) {
    update("DELETE FROM session_directory WHERE id = ?", id);
  }

  /** Forgets every session of a replica (at its start: a restarted replica holds none). */
  public void removeReplica(String replicaUrl) {
    update("DELETE FROM session_directory WHERE replica_url = ?", replicaUrl);
  }

  /** The replica that holds the owner's session, if it is live anywhere. */
  public Optional<String> replicaOf(String owner, String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT replica_url FROM session_directory WHERE id = ? AND owner = ?")) {
      select.setString(1, id);
      select.setString(2, owner);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot look up session " + id, e);
    }
  }

  private void update(String sql, String... values) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setString(i + 1, values[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("session directory update failed", e);
    }
  }
}
