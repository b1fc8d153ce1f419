package dev.zoclone.pool.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
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
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The queue's connections plan each statement once; a lease finds its jobs in the small ready table
 * and, once the service's vacuum has run, reads a bounded number of pages however many jobs passed
 * through the queue before it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class QueuePlansTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PASSED = 200_000;

  @Inject AgroalDataSource dataSource;
  @Inject JobBatchRepository batches;

  @Test
  void connectionsUseGenericPlansAndALeaseTakesItsJobsFromTheReadyTable() throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("SHOW plan_cache_mode")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("force_generic_plan");
      }
    }
    String owner = "plans-" + UUID.randomUUID();
    submit(owner, 3);

    JsonNode plan = explainLease(owner, 2);

    assertThat(plan.path("Plan").path("Actual Rows").asInt()).isEqualTo(2); // jobs leased
    JsonNode ready = readyOf(plan.path("Plan"));
    assertThat(ready.toString()).contains("\"Relation Name\":\"ready_job\"");
    assertThat(ready.path("Actual Rows").asInt()).isEqualTo(2);
  }

  @Test
  void aLeaseAfterTwoHundredThousandJobsReadsABoundedNumberOfPages() throws Exception {
    String owner = "passed-" + UUID.randomUUID();
    // 200,000 jobs queued, then taken from the ready queue and finished, as leases and
    // completions do (one statement each here, for speed): each leaves a dead entry at the head
    // of the ready index until a vacuum removes it.
    try (Connection connection = dataSource.getConnection();
        PreparedStatement queue =
            connection.prepareStatement(
                "WITH inserted AS (INSERT INTO job (id, owner, kind, payload, max_attempts,"
                    + " status) SELECT gen_random_uuid()::text, ?, 'shell', '{}', 3, 'PENDING'"
                    + " FROM generate_series(1, ?) RETURNING "
                    + JobRepository.READY_COLUMNS
                    + ") INSERT INTO ready_job SELECT "
                    + JobRepository.READY_COLUMNS
                    + " FROM inserted");
        PreparedStatement pass =
            connection.prepareStatement(
                "WITH taken AS (DELETE FROM ready_job WHERE owner = ? RETURNING id)"
                    + " UPDATE job j SET status = 'SUCCEEDED', attempts = 1, node_id = 'gone',"
                    + " result = '{}', started_at = now(), finished_at = now()"
                    + " FROM taken WHERE j.id = taken.id")) {
      queue.setString(1, owner);
      queue.setInt(2, PASSED);
      queue.executeUpdate();
      pass.setString(1, owner);
      assertThat(pass.executeUpdate()).isEqualTo(PASSED);
    }
    // The service's own vacuum (every 2 s): wait for two, so one began after the jobs went; then
    // new jobs arrive, and the queue runs on (another vacuum) before the lease is measured.
    awaitVacuums(2);
    submit(owner, 20);
    awaitVacuums(2);

    JsonNode plan = explainLease(owner, 8);

    // Finding the first ready jobs (the index walk, or a scan of the small table and a sort):
    // without the vacuum it walks ~200,000 dead entries, hundreds to thousands of pages.
    JsonNode ready = readyOf(plan.path("Plan"));
    assertThat(ready.path("Actual Rows").asInt()).isEqualTo(8);
    // With it: a few pages to find them, and two page reads per job locked.
    assertThat(pages(ready)).isLessThanOrEqualTo(40);
    // The whole lease, the eight jobs' new row versions and their index entries included.
    assertThat(pages(plan.path("Plan"))).isLessThanOrEqualTo(400);
  }

  @Test
  void theServiceAnalyzesTheQueueSoALeaseOfADeepQueueWalksTheReadyIndex() throws Exception {
    String owner = "deep-" + UUID.randomUUID();
    long analyzed = count("analyze_count");
    submit(owner, 20_000);
    // the service's own analysis (with its vacuum, every 2 s): wait for two, so one began after
    // the jobs arrived; autovacuum's would count in autoanalyze_count
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> count("analyze_count") >= analyzed + 2);

    JsonNode plan = explainLease(owner, 8);

    // without statistics the planner reads and sorts all 20,000 ready jobs: hundreds of pages
    JsonNode ready = readyOf(plan.path("Plan"));
    assertThat(ready.path("Actual Rows").asInt()).isEqualTo(8);
    assertThat(pages(ready)).isLessThanOrEqualTo(40);
  }

  /** Submits {@code count} jobs of {@code owner} through the service's batch insert. */
  private void submit(String owner, int count) {
    List<NewJob> jobs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      jobs.add(
          new NewJob(UUID.randomUUID().toString(), owner, "shell", "{}", 0, "{}", null, 3, null));
    }
    QuarkusTransaction.requiringNew().run(() -> batches.insertAll(jobs));
  }

  /**
   * EXPLAIN (ANALYZE, BUFFERS) of the service's lease statement (no completions reported), for a
   * node of 8 free slots registered in the same transaction; rolled back.
   */
  private JsonNode explainLease(String owner, int limit) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement node =
              connection.prepareStatement(
                  "INSERT INTO node (id, owner, name, slots) VALUES ('explain-node', ?, 'x', 8)");
          PreparedStatement explain =
              connection.prepareStatement(
                  "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) "
                      + LeaseRepository.COMPLETE_AND_LEASE)) {
        node.setString(1, owner);
        node.executeUpdate();
        int i = 1;
        explain.setString(i++, "explain-node");
        explain.setString(i++, owner);
        explain.setArray(i++, connection.createArrayOf("text", new Object[0]));
        explain.setArray(i++, connection.createArrayOf("int8", new Object[0]));
        explain.setArray(i++, connection.createArrayOf("text", new Object[0]));
        explain.setString(i++, owner);
        explain.setInt(i++, limit);
        explain.setString(i++, owner);
        explain.setNull(i++, Types.ARRAY);
        explain.setString(i++, "explain-node");
        explain.setLong(i++, 30_000);
        explain.setLong(i, 10_000);
        try (ResultSet rs = explain.executeQuery()) {
          rs.next();
          return JSON.readTree(rs.getString(1)).get(0);
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }

  private void awaitVacuums(int count) throws SQLException {
    long vacuums = vacuumCount();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> vacuumCount() >= vacuums + count);
  }

  private long vacuumCount() throws SQLException {
    return count("vacuum_count");
  }

  /** A counter of {@code ready_job} in {@code pg_stat_user_tables}. */
  private long count(String column) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT " + column + " FROM pg_stat_user_tables WHERE relname = 'ready_job'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The plan node of the lease's first step, the CTE {@code ready}, searched depth first. */
  private static JsonNode readyOf(JsonNode node) {
    if ("CTE ready".equals(node.path("Subplan Name").asText())) {
      return node;
    }
    for (JsonNode child : node.path("Plans")) {
      JsonNode found = readyOf(child);
      if (!found.isMissingNode()) {
        return found;
      }
    }
    return MissingNode.getInstance();
  }

  /** Pages a plan node read, from the buffer cache or not, its children included. */
  private static long pages(JsonNode node) {
    return node.path("Shared Hit Blocks").asLong() + node.path("Shared Read Blocks").asLong();
  }
}
