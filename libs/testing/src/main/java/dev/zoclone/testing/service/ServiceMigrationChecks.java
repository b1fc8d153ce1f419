package dev.zoclone.testing.service;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The migration checks every service passes: Flyway built the service's own schema with the
 * expected tables, and every migration succeeded. A service's {@code MigrationTest} extends it.
 */
public abstract class ServiceMigrationChecks {
  @Inject DataSource dataSource;

  /** The service's PostgreSQL schema. */
  protected abstract String schema();

  /** Tables the service's migrations must have created, beyond the platform's own. */
  protected abstract List<String> serviceTables();

  @Test
  void migrationsCreateTheServiceSchemaWithItsTables() throws SQLException {
    assertThat(tables())
        .contains("outbox", "processed_event", "flyway_schema_history")
        .containsAll(serviceTables());
  }

  @Test
  void everyMigrationSucceeded() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        ResultSet rs =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT count(*), count(*) FILTER (WHERE success) FROM "
                        + schema()
                        + ".flyway_schema_history")) {
      rs.next();
      assertThat(rs.getInt(1)).isPositive();
      assertThat(rs.getInt(2)).isEqualTo(rs.getInt(1));
    }
  }

  private List<String> tables() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
      select.setString(1, schema());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }
}
