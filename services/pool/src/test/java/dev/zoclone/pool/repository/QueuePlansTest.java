package dev.zoclone.pool.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The queue's connections plan each statement once, and the lease's plan is the index plan. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class QueuePlansTest {
  @Inject AgroalDataSource dataSource;

  @Test
  void connectionsUseGenericPlansAndALeaseScansTheReadyIndex() throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("SHOW plan_cache_mode")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("force_generic_plan");
      }
      statement.execute(
          "PREPARE ready_jobs(text, jsonb, int) AS SELECT id FROM job WHERE owner = $1"
              + " AND status = 'PENDING' AND run_at <= now() AND requirements <@ $2"
              + " ORDER BY priority DESC, seq LIMIT $3 FOR UPDATE SKIP LOCKED");
      List<String> plan = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery("EXPLAIN EXECUTE ready_jobs('ada', '{}', 8)")) {
        while (rs.next()) {
          plan.add(rs.getString(1));
        }
      }
      statement.execute("DEALLOCATE ready_jobs");
      assertThat(String.join("\n", plan)).contains("Index Scan using job_ready on job");
    }
  }
}
