package dev.zoclone.memory.repository;

import static dev.zoclone.memory.Callers.memorize;
import static dev.zoclone.memory.Callers.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The memory list's page reads the owner's rows in list order from an index, sorting nothing. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class MemoryListPlanTest {
  @Inject AgroalDataSource dataSource;

  @Test
  void aPageAfterACursorIsReadInOrderFromTheIndexWithoutASort() {
    String user = newUser();
    String first = memorize(user, "The plumber comes on Tuesday morning");
    memorize(user, "The spare tyre is in the garage loft");

    String plan =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  try (Connection connection = dataSource.getConnection()) {
                    try (Statement statement = connection.createStatement()) {
                      // On a few rows the planner rightly reads them all and sorts them; forbid
                      // that to see how a page is read from an owner with many memories.
                      statement.execute("SET LOCAL enable_seqscan = off");
                      statement.execute("SET LOCAL enable_bitmapscan = off");
                    }
                    return explain(connection, user, first);
                  }
                });

    assertThat(plan)
        .contains("Index Scan using memory_owner_newest on memory")
        .doesNotContain("Sort");
  }

  private static String explain(Connection connection, String user, String cursor)
      throws SQLException {
    try (PreparedStatement explain =
        connection.prepareStatement(
            "EXPLAIN (COSTS OFF) " + MemoryListRepository.sql(false, true))) {
      explain.setString(1, user);
      explain.setString(2, cursor);
      explain.setString(3, user);
      explain.setInt(4, 20);
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = explain.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }
}
