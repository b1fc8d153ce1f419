package dev.zoclone.pool.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import dev.zoclone.pool.PoolCaller;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class JobLifecycleTest {
  @Inject AgroalDataSource dataSource;
  @Inject LeaseReaper reaper;
  @Inject RetryPolicy retryPolicy;

  private final PoolCaller ada = PoolCaller.fresh();

  @Test
  void leaseExpiryRequeuesTheJobAndCountsTheAttempt() throws SQLException {
    String id = ada.submit(PoolCaller.shellJob("echo", 0));
    String dead = ada.node("dies", Map.of(), 1);
    ada.lease(dead, 1);

    expireLeaseOf(id);
    reaper.reap();

    JsonPath job = ada.job(id);
    assertThat(job.getString("status")).isEqualTo("PENDING");
    assertThat(job.getInt("attempts")).isEqualTo(1);
    assertThat(job.getString("error")).contains("lease expired");
    String survivor = ada.node("survives", Map.of(), 1);
    Map<String, Object> again = ada.lease(survivor, 1).get(0);
    assertThat(again.get("id")).isEqualTo(id);
    assertThat(again.get("attempt")).isEqualTo(2);
  }

  @Test
  void aJobLeasedAlongWithReportedResultsGoesBackToTheQueueWhenItsNodeDies() throws SQLException {
    String done = ada.submit(PoolCaller.shellJob("echo", 0));
    String orphan = ada.submit(PoolCaller.shellJob("echo", 0));
    String dead = ada.node("dies", Map.of(), 1);
    Object token = ada.lease(dead, 1).get(0).get("lease_token");
    ada.post(
            "/api/v1/nodes/" + dead + "/lease",
            Map.of(
                "max_jobs",
                1,
                "wait_ms",
                0,
                "complete",
                List.of(Map.of("job_id", done, "lease_token", token))))
        .then()
        .statusCode(200)
        .body("jobs[0].id", is(orphan));

    // the node dies holding the job it leased while reporting the other
    expireLeaseOf(orphan);
    reaper.reap();

    String survivor = ada.node("survives", Map.of(), 1);
    Map<String, Object> again = ada.lease(survivor, 1).get(0);
    assertThat(again.get("id")).isEqualTo(orphan);
    assertThat(again.get("attempt")).isEqualTo(2);
    assertThat(ada.status(done)).isEqualTo("SUCCEEDED");
  }

  @Test
  void aCompletionFromAStaleLeaseIsRefusedAndTheNewHolderCompletesOnce() throws SQLException {
    String id = ada.submit(PoolCaller.shellJob("echo", 0));
    String slow = ada.node("slow", Map.of(), 1);
    Object staleToken = ada.lease(slow, 1).get(0).get("lease_token");
    expireLeaseOf(id);
    reaper.reap();
    String fast = ada.node("fast", Map.of(), 1);
    Object freshToken = ada.lease(fast, 1).get(0).get("lease_token");

    ada.complete(id, slow, staleToken, Map.of("by", "slow"))
        .then()
        .statusCode(409)
        .body("type", is("https://zoclone.dev/problems/stale-lease"));
    ada.fail(id, slow, staleToken, true).then().statusCode(409);
    ada.complete(id, fast, freshToken, Map.of("by", "fast")).then().statusCode(200);

    assertThat(ada.job(id).getString("result.by")).isEqualTo("fast");
    assertThat(((Number) freshToken).longValue()).isGreaterThan(((Number) staleToken).longValue());
  }

  @Test
  void anExpiredButNotYetReapedLeaseCannotComplete() throws SQLException {
    String id = ada.submit(PoolCaller.shellJob("echo", 0));
    String node = ada.node("n", Map.of(), 1);
    Object token = ada.lease(node, 1).get(0).get("lease_token");

    expireLeaseOf(id);

    ada.complete(id, node, token, Map.of()).then().statusCode(409);
  }

  @Test
  void failuresRetryWithGrowingBackoffThenTheJobIsDeadAndRetryRevivesIt() {
    String id =
        ada.submit(
            Map.of("kind", "shell", "payload", Map.of("command", "false"), "max_attempts", 3));
    String node = ada.node("n", Map.of(), 1);

    for (int attempt = 1; attempt <= 3; attempt++) {
      Map<String, Object> leased = leaseSoon(node);
      assertThat(leased.get("attempt")).isEqualTo(attempt);
      Instant failedAt = Instant.now();
      JsonPath after =
          ada.fail(id, node, leased.get("lease_token"), true)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      if (attempt < 3) {
        assertThat(after.getString("status")).isEqualTo("PENDING");
        Duration backoff = Duration.between(failedAt, Instant.parse(after.getString("run_at")));
        long ceiling = retryPolicy.ceilingMs(attempt);
        assertThat(backoff.toMillis()).isBetween(ceiling / 2, ceiling + 500);
      } else {
        assertThat(after.getString("status")).isEqualTo("DEAD");
        assertThat(after.getString("error")).isEqualTo("boom");
      }
    }
    assertThat(ada.lease(node, 1)).isEmpty();

    ada.post("/api/v1/jobs/" + id + "/retry", "")
        .then()
        .statusCode(200)
        .body("status", is("PENDING"))
        .body("attempts", is(0));
    assertThat(leaseSoon(node).get("attempt")).isEqualTo(1);
  }

  @Test
  void backoffDoublesUpToItsCapAndJitterStaysWithinHalfToFull() {
    assertThat(retryPolicy.ceilingMs(1)).isEqualTo(200);
    assertThat(retryPolicy.ceilingMs(2)).isEqualTo(400);
    assertThat(retryPolicy.ceilingMs(30)).isEqualTo(2000);
    for (int i = 0; i < 200; i++) {
      assertThat(retryPolicy.delayMs(3)).isBetween(400L, 800L);
    }
  }

  @Test
  void aNonRetryableFailureEndsTheJobAsFailed() {
    String id = ada.submit(PoolCaller.shellJob("false", 0));
    String node = ada.node("n", Map.of(), 1);
    Object token = ada.lease(node, 1).get(0).get("lease_token");

    ada.fail(id, node, token, false).then().statusCode(200).body("status", is("FAILED"));

    assertThat(ada.lease(node, 1)).isEmpty();
  }

  @Test
  void heartbeatsKeepLeasesAliveMarkJobsRunningAndDeliverCancellation() throws SQLException {
    String kept = ada.submit(PoolCaller.shellJob("sleep 100", 0));
    String cancelled = ada.submit(PoolCaller.shellJob("sleep 100", 0));
    String node = ada.node("n", Map.of(), 2);
    ada.lease(node, 2);

    heartbeat(node, List.of(kept, cancelled)).then().statusCode(200).body("cancel.size()", is(0));
    assertThat(ada.status(kept)).isEqualTo("RUNNING");
    ada.post("/api/v1/jobs/" + cancelled + "/cancel", "").then().statusCode(200);

    List<String> toStop =
        heartbeat(node, List.of(kept, cancelled)).then().extract().jsonPath().getList("cancel");
    reaper.reap();

    assertThat(toStop).containsExactly(cancelled);
    assertThat(ada.status(cancelled)).isEqualTo("CANCELLED");
    assertThat(ada.status(kept)).isEqualTo("RUNNING");
  }

  @Test
  void aHeldJobTheNodeDoesNotReportIsNotRenewedAndGoesBackToTheQueue() throws SQLException {
    // the node's lease answer was lost in an outage: the pool holds the job for it, the node
    // never heard of it and heartbeats without it
    String orphan = ada.submit(PoolCaller.shellJob("sleep 100", 0));
    String reported = ada.submit(PoolCaller.shellJob("sleep 100", 0));
    String node = ada.node("n", Map.of(), 2);
    ada.lease(node, 2);
    execute(
        "UPDATE job SET lease_expires_at = now() + interval '300 milliseconds' WHERE id IN (?, ?)",
        orphan,
        reported);

    heartbeat(node, List.of(reported)).then().statusCode(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              reaper.reap();
              return ada.status(orphan).equals("PENDING");
            });

    assertThat(ada.job(orphan).getInt("attempts")).isEqualTo(1);
    assertThat(ada.status(reported)).isEqualTo("RUNNING");
  }

  @Test
  void aJobRunningPastItsTimeoutIsFailedByTheServerAndRetried() throws SQLException {
    String id =
        ada.submit(Map.of("kind", "shell", "payload", Map.of("command", "sleep"), "timeout_s", 1));
    String node = ada.node("n", Map.of(), 1);
    ada.lease(node, 1);

    execute("UPDATE job SET deadline_at = now() - interval '1 second' WHERE id = ?", id);
    reaper.reap();

    JsonPath job = ada.job(id);
    assertThat(job.getString("status")).isEqualTo("PENDING");
    assertThat(job.getString("error")).contains("timed out");
    assertThat(heartbeat(node, List.of(id)).jsonPath().getList("cancel")).containsExactly(id);
  }

  @Test
  void heartbeatOfAnotherOwnersNodeIsNotFound() {
    String node = ada.node("n", Map.of(), 1);

    PoolCaller.fresh()
        .post("/api/v1/nodes/" + node + "/heartbeat", Map.of())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  private io.restassured.response.Response heartbeat(String node, List<String> running) {
    return ada.post("/api/v1/nodes/" + node + "/heartbeat", Map.of("running", running));
  }

  private Map<String, Object> leaseSoon(String node) {
    AtomicReference<Map<String, Object>> leased = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              List<Map<String, Object>> jobs = ada.lease(node, 1);
              if (jobs.isEmpty()) {
                return false;
              }
              leased.set(jobs.get(0));
              return true;
            });
    return leased.get();
  }

  private void expireLeaseOf(String id) throws SQLException {
    execute("UPDATE job SET lease_expires_at = now() - interval '1 second' WHERE id = ?", id);
  }

  private void execute(String sql, String... ids) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < ids.length; i++) {
        statement.setString(i + 1, ids[i]);
      }
      statement.executeUpdate();
    }
  }
}
