package dev.zoclone.pool.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import dev.zoclone.pool.OutboxEvents;
import dev.zoclone.pool.PoolCaller;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/jobs/batch}, {@code POST /api/v1/nodes/{id}/complete}, and leases that report
 * finished jobs.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class BatchRoutesTest {
  @Inject AgroalDataSource dataSource;

  private final PoolCaller ada = PoolCaller.fresh();

  @Test
  void aBatchIsQueuedInItsOrderAndLeasedFifo() {
    List<Map<String, Object>> jobs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      jobs.add(PoolCaller.shellJob("echo" + i, 0));
    }

    List<String> ids =
        ada.post("/api/v1/jobs/batch", Map.of("jobs", jobs))
            .then()
            .statusCode(201)
            .body("jobs.status", hasItems("PENDING"))
            .extract()
            .jsonPath()
            .getList("jobs.id");

    assertThat(ids).hasSize(5).doesNotHaveDuplicates();
    String node = ada.node("n", Map.of(), 5);
    assertThat(ada.lease(node, 5)).extracting(j -> j.get("id")).containsExactlyElementsOf(ids);
    assertThat(ada.job(ids.get(3)).getString("payload.command")).isEqualTo("echo3");
  }

  @Test
  void aUserPastThePendingJobQuotaGetsA429WithRetryAfterUntilTheQueueDrains() {
    PoolCaller bea = PoolCaller.fresh();
    List<Map<String, Object>> jobs = new ArrayList<>();
    // zo.quota.pending-jobs is 200 under test
    for (int i = 0; i < 199; i++) {
      jobs.add(PoolCaller.shellJob("echo" + i, 0));
    }
    List<String> ids =
        bea.post("/api/v1/jobs/batch", Map.of("jobs", jobs))
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getList("jobs.id");

    bea.post(
            "/api/v1/jobs/batch",
            Map.of("jobs", List.of(PoolCaller.shellJob("a", 0), PoolCaller.shellJob("b", 0))))
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", is("10"))
        .body("type", is("https://zoclone.dev/problems/quota-exceeded"));
    bea.submit(PoolCaller.shellJob("the last that fits", 0));
    bea.post("/api/v1/jobs", PoolCaller.shellJob("one too many", 0))
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/quota-exceeded"));
    ada.submit(PoolCaller.shellJob("someone else's", 0));

    bea.post("/api/v1/jobs/" + ids.get(0) + "/cancel", Map.of()).then().statusCode(200);
    bea.submit(PoolCaller.shellJob("room again", 0));
  }

  @Test
  void aRepeatedIdempotencyKeyInABatchAnswersTheFirstJob() {
    Map<String, Object> keyed =
        Map.of("kind", "shell", "payload", Map.of("command", "true"), "idempotency_key", "k1");
    String first = ada.submit(keyed);

    JsonPath answer =
        ada.post("/api/v1/jobs/batch", Map.of("jobs", List.of(keyed, keyed)))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(answer.getList("jobs.id", String.class)).containsExactly(first, first);
    ada.request().get("/api/v1/jobs").then().body("jobs.size()", is(1));
  }

  @Test
  void oneInvalidJobRefusesTheWholeBatchNamingItsIndex() {
    List<Object> jobs =
        List.of(
            PoolCaller.shellJob("fine", 0),
            Map.of("kind", "shell", "payload", Map.of()),
            Map.of("kind", "nope", "payload", Map.of()));

    ada.post("/api/v1/jobs/batch", Map.of("jobs", jobs))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/validation"))
        .body("errors.field", hasItems("jobs[1].payload.command", "jobs[2].kind"));

    ada.request().get("/api/v1/jobs").then().body("jobs.size()", is(0));
  }

  @Test
  void anEmptyOrOversizedBatchIsABadRequest() {
    ada.post("/api/v1/jobs/batch", Map.of("jobs", List.of()))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("jobs"));
    ada.post(
            "/api/v1/jobs/batch",
            Map.of("jobs", Collections.nCopies(1001, PoolCaller.shellJob("x", 0))))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("jobs"));
    ada.post("/api/v1/jobs/batch", "{}").then().statusCode(400);
  }

  @Test
  void aNodeCompletesManyJobsAtOnceAndStaleOnesAreRefusedOneByOne() throws SQLException {
    String node = ada.node("n", Map.of(), 3);
    List<String> ids =
        List.of(
            ada.submit(PoolCaller.shellJob("a", 0)),
            ada.submit(PoolCaller.shellJob("b", 0)),
            ada.submit(PoolCaller.shellJob("c", 0)));
    List<Map<String, Object>> leased = ada.lease(node, 3);
    String cancelled = ids.get(2);
    ada.post("/api/v1/jobs/" + cancelled + "/cancel", "").then().statusCode(200);
    List<Map<String, Object>> completions = new ArrayList<>();
    for (Map<String, Object> job : leased) {
      completions.add(
          Map.of(
              "job_id", job.get("id"), "lease_token", job.get("lease_token"), "result", Map.of()));
    }
    // the first job's token is from another lease: stale
    completions.set(
        0,
        Map.of(
            "job_id", ids.get(0), "lease_token", 1L + (Integer) leased.get(0).get("lease_token")));

    JsonPath answer =
        ada.post("/api/v1/nodes/" + node + "/complete", Map.of("jobs", completions))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(answer.getList("completed", String.class)).containsExactly(ids.get(1));
    assertThat(answer.getList("stale", String.class)).containsExactly(ids.get(0), cancelled);
    assertThat(ada.status(ids.get(0))).isEqualTo("LEASED");
    assertThat(ada.status(ids.get(1))).isEqualTo("SUCCEEDED");
    assertThat(ada.status(cancelled)).isEqualTo("CANCELLED");
    assertThat(succeededEvents(ids.get(1))).isEqualTo(1);

    JsonPath again =
        ada.post("/api/v1/nodes/" + node + "/complete", Map.of("jobs", completions.subList(1, 2)))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(again.getList("stale", String.class)).containsExactly(ids.get(1));
    assertThat(succeededEvents(ids.get(1))).isEqualTo(1);
  }

  @Test
  void badCompletionsAreRefusedAndChangeNothing() {
    String node = ada.node("n", Map.of(), 1);
    String id = ada.submit(PoolCaller.shellJob("a", 0));
    Object token = ada.lease(node, 1).get(0).get("lease_token");

    ada.post(
            "/api/v1/nodes/" + node + "/complete",
            Map.of(
                "jobs",
                List.of(
                    Map.of("job_id", id, "lease_token", token),
                    Map.of("job_id", id, "lease_token", token),
                    Map.of("lease_token", token),
                    Map.of("job_id", "x"))))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/validation"))
        .body("errors.field", hasItems("jobs[1].job_id", "jobs[2].job_id", "jobs[3].lease_token"));
    ada.post("/api/v1/nodes/" + node + "/complete", Map.of("jobs", List.of()))
        .then()
        .statusCode(400);
    ada.post(
            "/api/v1/nodes/node-unknown/complete",
            Map.of("jobs", List.of(Map.of("job_id", id, "lease_token", token))))
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/not-found"));
    PoolCaller.fresh()
        .post(
            "/api/v1/nodes/" + node + "/complete",
            Map.of("jobs", List.of(Map.of("job_id", id, "lease_token", token))))
        .then()
        .statusCode(404);

    assertThat(ada.status(id)).isEqualTo("LEASED");
  }

  @Test
  void aLeaseRecordsTheReportedJobsThenFillsTheirSlots() throws SQLException {
    String node = ada.node("n", Map.of(), 2);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(ada.submit(PoolCaller.shellJob("j" + i, 0)));
    }
    List<Map<String, Object>> first = ada.lease(node, 2);
    assertThat(first).extracting(j -> j.get("id")).containsExactly(ids.get(0), ids.get(1));
    // the node is full: a plain lease gets nothing
    assertThat(ada.lease(node, 2)).isEmpty();
    List<Map<String, Object>> finished =
        List.of(
            Map.of(
                "job_id",
                ids.get(0),
                "lease_token",
                first.get(0).get("lease_token"),
                "result",
                Map.of("out", "zero")),
            // a token from no lease of this job: stale, its slot stays taken
            Map.of(
                "job_id",
                ids.get(1),
                "lease_token",
                1L + (Integer) first.get(1).get("lease_token")));

    JsonPath answer =
        ada.post(
                "/api/v1/nodes/" + node + "/lease",
                Map.of("max_jobs", 2, "wait_ms", 0, "complete", finished))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(answer.getList("completed", String.class)).containsExactly(ids.get(0));
    assertThat(answer.getList("stale", String.class)).containsExactly(ids.get(1));
    assertThat(answer.getList("jobs.id", String.class)).containsExactly(ids.get(2));
    assertThat(ada.status(ids.get(0))).isEqualTo("SUCCEEDED");
    assertThat(ada.job(ids.get(0)).getString("result.out")).isEqualTo("zero");
    assertThat(ada.status(ids.get(1))).isEqualTo("LEASED");
    assertThat(ada.status(ids.get(2))).isEqualTo("LEASED");
    assertThat(succeededEvents(ids.get(0))).isEqualTo(1);
    // a plain lease answers no completed/stale lists
    ada.post("/api/v1/nodes/" + node + "/lease", Map.of("max_jobs", 1, "wait_ms", 0))
        .then()
        .statusCode(200)
        .body("jobs.size()", is(0))
        .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("completed")));
  }

  @Test
  void aLeaseWaitingForJobsHasAlreadyRecordedTheReportedOnes() {
    String node = ada.node("n", Map.of(), 1);
    String id = ada.submit(PoolCaller.shellJob("only", 0));
    Object token = ada.lease(node, 1).get(0).get("lease_token");

    JsonPath answer =
        ada.post(
                "/api/v1/nodes/" + node + "/lease",
                Map.of(
                    "max_jobs",
                    1,
                    "wait_ms",
                    300,
                    "complete",
                    List.of(Map.of("job_id", id, "lease_token", token))))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(answer.getList("completed", String.class)).containsExactly(id);
    assertThat(answer.getList("jobs")).isEmpty();
    assertThat(ada.status(id)).isEqualTo("SUCCEEDED");
  }

  @Test
  void aRetriedLeaseThatReportsResultsRecordsThemOnce() throws SQLException {
    String node = ada.node("n", Map.of(), 1);
    String first = ada.submit(PoolCaller.shellJob("first", 0));
    String second = ada.submit(PoolCaller.shellJob("second", 0));
    Object token = ada.lease(node, 1).get(0).get("lease_token");
    Map<String, Object> body =
        Map.of(
            "max_jobs",
            1,
            "wait_ms",
            0,
            "complete",
            List.of(Map.of("job_id", first, "lease_token", token, "result", Map.of("n", 1))));

    JsonPath answered = leaseReporting(node, body);
    // the node's answer was lost: it sends the same call again
    JsonPath retried = leaseReporting(node, body);

    assertThat(answered.getList("completed", String.class)).containsExactly(first);
    assertThat(answered.getList("jobs.id", String.class)).containsExactly(second);
    assertThat(retried.getList("completed", String.class)).isEmpty();
    assertThat(retried.getList("stale", String.class)).containsExactly(first);
    assertThat(retried.getList("jobs")).isEmpty();
    assertThat(succeededEvents(first)).isEqualTo(1);
    assertThat(ada.job(first).getInt("result.n")).isEqualTo(1);
    assertThat(ada.status(second)).isEqualTo("LEASED");
  }

  private JsonPath leaseReporting(String node, Map<String, Object> body) {
    return ada.post("/api/v1/nodes/" + node + "/lease", body)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void aLeaseWithBadCompletionsIsRefusedAndChangesNothing() {
    String node = ada.node("n", Map.of(), 2);
    String id = ada.submit(PoolCaller.shellJob("a", 0));
    String waiting = ada.submit(PoolCaller.shellJob("b", 0));
    Object token = ada.lease(node, 1).get(0).get("lease_token");

    ada.post(
            "/api/v1/nodes/" + node + "/lease",
            Map.of(
                "max_jobs",
                1,
                "complete",
                List.of(Map.of("job_id", id, "lease_token", token), Map.of("job_id", id))))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/validation"))
        .body("errors.field", hasItems("complete[1].job_id", "complete[1].lease_token"));
    ada.post(
            "/api/v1/nodes/" + node + "/lease",
            Map.of(
                "max_jobs",
                1,
                "complete",
                Collections.nCopies(1001, Map.of("job_id", id, "lease_token", token))))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("complete"));

    assertThat(ada.status(id)).isEqualTo("LEASED");
    assertThat(ada.status(waiting)).isEqualTo("PENDING");
  }

  /** Succeeded events queued for the job, single rows and items of batch rows alike. */
  private int succeededEvents(String jobId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT count(*) FROM ("
                    + OutboxEvents.SQL
                    + ") e WHERE record_key = ? AND type = 'zo.pool.job.succeeded'")) {
      statement.setString(1, jobId);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
