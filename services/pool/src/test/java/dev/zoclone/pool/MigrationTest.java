package dev.zoclone.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class MigrationTest {
  @Inject AgroalDataSource dataSource;

  @Test
  void migrationsCreateTheServiceSchemaAndItsTables() throws SQLException {
    assertThat(tables())
        .contains("outbox", "processed_event", "flyway_schema_history", "job", "node");
  }

  @Test
  void everyMigrationSucceeded() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        ResultSet rs =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT count(*), count(*) FILTER (WHERE success) FROM pool.flyway_schema_history")) {
      rs.next();
      assertThat(rs.getInt(1)).isPositive();
      assertThat(rs.getInt(2)).isEqualTo(rs.getInt(1));
    }
  }

  private List<String> tables() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        ResultSet rs =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'pool'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
