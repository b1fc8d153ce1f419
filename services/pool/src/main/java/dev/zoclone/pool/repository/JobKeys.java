package dev.zoclone.pool.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Reads the idempotency keys jobs were submitted under, for their events. */
@ApplicationScoped
public class JobKeys {
  private final AgroalDataSource dataSource;

  public JobKeys(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The idempotency key of each of these jobs that has one, by job id. */
  public Map<String, String> of(Collection<String> jobIds) {
    Map<String, String> keys = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, idempotency_key FROM job"
                    + " WHERE id = ANY (?) AND idempotency_key IS NOT NULL")) {
      select.setArray(1, connection.createArrayOf("text", jobIds.toArray()));
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          keys.put(rs.getString(1), rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the jobs' idempotency keys", e);
    }
    return keys;
  }
}
