package dev.zoclone.browser.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Encrypted storage state of named sessions, per owner and name. */
@ApplicationScoped
public class SessionStateRepository {
  private final AgroalDataSource dataSource;

  public SessionStateRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A stored ciphertext and its nonce. */
  public record StoredState(byte[] ciphertext, byte[] nonce) {}

  public Optional<StoredState> find(String owner, String name) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT ciphertext, nonce FROM session_state WHERE owner = ? AND name = ?")) {
      select.setString(1, owner);
      select.setString(2, name);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next()
            ? Optional.of(new StoredState(rs.getBytes(1), rs.getBytes(2)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the state of session " + name, e);
    }
  }

  public void save(String owner, String name, StoredState state) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement upsert =
            c.prepareStatement(
                "INSERT INTO session_state (owner, name, ciphertext, nonce) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (owner, name) DO UPDATE SET ciphertext = EXCLUDED.ciphertext,"
                    + " nonce = EXCLUDED.nonce, updated_at = now()")) {
      upsert.setString(1, owner);
      upsert.setString(2, name);
      upsert.setBytes(3, state.ciphertext());
      upsert.setBytes(4, state.nonce());
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot save the state of session " + name, e);
    }
  }
}
