package dev.zoclone.pool.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.pool.PoolCaller;
import dev.zoclone.pool.service.LeaseReaper;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code held_job} lists exactly the jobs nodes hold through every way an attempt starts and ends,
 * and {@code job}'s indexes cover no column a lease or a completion changes, so both updates can
 * stay on the row's page without new index entries (HOT).
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class HeldJobsTest {
  /** The columns a lease or a completion writes. */
  private static final Pattern CHANGED_COLUMNS =
      Pattern.compile(
          "\\b(status|node_id|attempts|lease_token|lease_expires_at|deadline_at|started_at"
              + "|finished_at|result|error|run_at)\\b");

  @Inject AgroalDataSource dataSource;
  @Inject LeaseReaper reaper;

  private final PoolCaller ada = PoolCaller.fresh();

  @Test
  void heldJobsListsExactlyTheHeldJobsThroughLeasesCompletionsFailuresCancelsAndExpiries()
      throws SQLException {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ids.add(ada.submit(PoolCaller.shellJob("job " + i, 0)));
    }
    String node = ada.node("n", Map.of(), 6);
    List<Map<String, Object>> leased = ada.lease(node, 6);
    assertThat(leased).hasSize(6);
    assertHeldListMatches(6);

    // one completed on its own route, one failed (retried later), one cancelled
    ada.complete(id(leased, 0), node, token(leased, 0), Map.of()).then().statusCode(200);
    ada.fail(id(leased, 1), node, token(leased, 1), true).then().statusCode(200);
    // its backoff outlasts the test, so the leases below take only the two never leased
    execute("UPDATE ready_job SET run_at = now() + interval '1 hour' WHERE id = ?", id(leased, 1));
    ada.post("/api/v1/jobs/" + id(leased, 2) + "/cancel", "").then().statusCode(200);
    assertHeldListMatches(3);

    // one reported inside the next lease, which fills the freed slots
    List<Map<String, Object>> more =
        ada.post(
                "/api/v1/nodes/" + node + "/lease",
                Map.of(
                    "max_jobs",
                    6,
                    "wait_ms",
                    0,
                    "complete",
                    List.of(Map.of("job_id", id(leased, 3), "lease_token", token(leased, 3)))))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("jobs");
    assertThat(more).hasSize(2);
    assertHeldListMatches(4);

    // one completed in a batch, one lost with its node's lease
    ada.post(
            "/api/v1/nodes/" + node + "/complete",
            Map.of(
                "jobs", List.of(Map.of("job_id", id(leased, 4), "lease_token", token(leased, 4)))))
        .then()
        .statusCode(200);
    execute(
        "UPDATE job SET lease_expires_at = now() - interval '1 second' WHERE id = ?",
        id(leased, 5));
    reaper.reap();
    assertHeldListMatches(2);
    assertThat(ada.status(id(leased, 5))).isEqualTo("PENDING");
    assertThat(ada.request().get("/api/v1/nodes").jsonPath().getInt("nodes[0].active_jobs"))
        .isEqualTo(2);
  }

  @Test
  void noIndexOfJobCoversAColumnALeaseOrACompletionChanges() throws SQLException {
    List<String> definitions = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT pg_get_indexdef(indexrelid) FROM pg_index"
                    + " WHERE indrelid = 'job'::regclass");
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        definitions.add(rs.getString(1));
      }
    }

    assertThat(definitions).isNotEmpty();
    assertThat(definitions).noneMatch(d -> CHANGED_COLUMNS.matcher(d).find());
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT reloptions::text FROM pg_class WHERE oid = 'job'::regclass");
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      // room on each page for the new row versions
      assertThat(rs.getString(1)).contains("fillfactor=60");
    }
  }

  /** Compares held_job with the jobs of this test's owner that are LEASED or RUNNING. */
  private void assertHeldListMatches(int expected) throws SQLException {
    List<String> listed =
        ids("SELECT h.id FROM held_job h JOIN job j ON j.id = h.id WHERE j.owner = ?");
    List<String> held =
        ids("SELECT id FROM job WHERE status IN ('LEASED', 'RUNNING') AND owner = ?");
    assertThat(held).hasSize(expected);
    assertThat(listed).containsExactlyInAnyOrderElementsOf(held);
  }

  private List<String> ids(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, ada.user());
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }

  private void execute(String sql, String id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, id);
      statement.executeUpdate();
    }
  }

  private static String id(List<Map<String, Object>> leased, int i) {
    return (String) leased.get(i).get("id");
  }

  private static Object token(List<Map<String, Object>> leased, int i) {
    return leased.get(i).get("lease_token");
  }
}
