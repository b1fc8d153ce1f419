package dev.zoclone.pool.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zoclone.pool.OutboxEvents;
import dev.zoclone.pool.PoolCaller;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import dev.zoclone.worker.GatewayPoolApi;
import dev.zoclone.worker.PoolApi;
import dev.zoclone.worker.PoolWorker;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code zo node}'s worker end to end against the running pool service, over real HTTP. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class NodeWorkerTest {
  @TestHTTPResource("/")
  URI base;

  @Inject AgroalDataSource dataSource;

  private final PoolCaller ada = PoolCaller.fresh();
  private final StringWriter log = new StringWriter();
  private CountingPoolApi pool;
  private PoolWorker worker;
  private Thread workerThread;

  @BeforeEach
  void startWorker() {
    pool = new CountingPoolApi(poolApiFor(ada.user()));
    worker =
        new PoolWorker(pool, "test-node", Map.of("os", "linux"), 2, new PrintWriter(log, true));
    workerThread =
        new Thread(
            () -> {
              try {
                worker.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    workerThread.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> worker.nodeId() != null);
  }

  @AfterEach
  void stopWorker() throws InterruptedException {
    worker.shutdown(Duration.ofSeconds(5));
    workerThread.join(10_000);
  }

  @Test
  void theNodeRunsShellJobsWithoutAShellAndReportsTheirOutput() {
    String plain =
        ada.submit(
            Map.of(
                "kind",
                "shell",
                "payload",
                Map.of("command", "echo", "args", List.of("$HOME", "a b"))));
    String withShell =
        ada.submit(
            Map.of(
                "kind",
                "shell",
                "payload",
                Map.of(
                    "command",
                    "echo \"$GREETING\" from $(pwd)",
                    "shell",
                    true,
                    "env",
                    Map.of("GREETING", "hello"),
                    "workdir",
                    "/tmp")));

    JsonPath first = awaitStatus(plain, "SUCCEEDED");
    JsonPath second = awaitStatus(withShell, "SUCCEEDED");

    assertThat(first.getString("result.stdout")).isEqualTo("$HOME a b\n");
    assertThat(first.getInt("result.exit_code")).isZero();
    assertThat(second.getString("result.stdout")).isEqualTo("hello from /tmp\n");
    assertThat(first.getString("node_id")).isEqualTo(worker.nodeId());
  }

  @Test
  void aBusyNodeReportsResultsInsideItsNextLeasesEachRecordedOnce() throws Exception {
    List<Map<String, Object>> quick =
        java.util.Collections.nCopies(
            40, Map.of("kind", "shell", "payload", Map.of("command", "true")));
    List<String> ids =
        ada.post("/api/v1/jobs/batch", Map.of("jobs", quick))
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getList("jobs.id");

    ids.forEach(id -> awaitStatus(id, "SUCCEEDED"));

    assertThat(pool.reportedInLeases()).isPositive();
    assertThat(pool.reportedInLeases() + pool.reportedAlone()).isEqualTo(ids.size());
    try (Connection connection = dataSource.getConnection();
        PreparedStatement succeeded =
            connection.prepareStatement(
                "SELECT count(*) FROM ("
                    + OutboxEvents.SQL
                    + ") e WHERE record_key = ANY (?) AND type = 'zo.pool.job.succeeded'")) {
      succeeded.setArray(1, connection.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = succeeded.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(ids.size());
      }
    }
  }

  @Test
  void aResultIsRecordedAtOnceWhileTheNodeWaitsInItsLongPoll() {
    String id =
        ada.submit(
            Map.of("kind", "shell", "payload", Map.of("command", "sleep", "args", List.of("0.5"))));
    await().atMost(Duration.ofSeconds(10)).until(() -> worker.runningJobs() == 1);

    // the node's other slot is long-polling (20 s): the result goes in a call of its own
    await()
        .atMost(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> ada.status(id).equals("SUCCEEDED"));
    assertThat(pool.reportedAlone()).isEqualTo(1);
  }

  @Test
  void aNodeThePoolNoLongerKnowsRegistersAgainAndKeepsTakingJobs() throws Exception {
    String lost = worker.nodeId();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM node WHERE id = ?")) {
      delete.setString(1, lost);
      assertThat(delete.executeUpdate()).isEqualTo(1);
    }

    String id =
        ada.submit(
            Map.of("kind", "shell", "payload", Map.of("command", "echo", "args", List.of("back"))));

    JsonPath job = awaitStatus(id, "SUCCEEDED");
    assertThat(job.getString("result.stdout")).isEqualTo("back\n");
    assertThat(worker.nodeId()).isNotEqualTo(lost);
    assertThat(job.getString("node_id")).isEqualTo(worker.nodeId());
    assertThat(log.toString()).contains("the pool no longer knows node " + lost);
  }

  @Test
  void aFailingCommandIsRetriedUntilDeadWithItsStderrKept() {
    String id =
        ada.submit(
            Map.of(
                "kind",
                "shell",
                "payload",
                Map.of("command", "sh", "args", List.of("-c", "echo nope >&2; exit 3")),
                "max_attempts",
                2));

    JsonPath job = awaitStatus(id, "DEAD");

    assertThat(job.getInt("attempts")).isEqualTo(2);
    assertThat(job.getString("error")).isEqualTo("exit code 3");
    assertThat(job.getString("result.stderr")).isEqualTo("nope\n");
  }

  @Test
  void cancellingARunningShellJobKillsItOnTheNode() {
    String id =
        ada.submit(
            Map.of("kind", "shell", "payload", Map.of("command", "sleep", "args", List.of("60"))));
    await().atMost(Duration.ofSeconds(20)).until(() -> worker.runningJobs() == 1);

    ada.post("/api/v1/jobs/" + id + "/cancel", "").then().statusCode(200);

    // the heartbeat (every 0.5 s in tests) carries the cancellation; the node kills the process
    await().atMost(Duration.ofSeconds(15)).until(() -> worker.runningJobs() == 0);
    assertThat(ada.status(id)).isEqualTo("CANCELLED");
    assertThat(log.toString()).contains("job " + id + " stopped as the pool asked");
  }

  @Test
  void theNodeRunsHttpJobsAgainstARealServer() {
    String id =
        ada.submit(
            Map.of(
                "kind",
                "http",
                "payload",
                Map.of("method", "GET", "url", base.resolve("/q/health/live").toString())));

    JsonPath job = awaitStatus(id, "SUCCEEDED");

    assertThat(job.getInt("result.status")).isEqualTo(200);
    assertThat(job.getString("result.body")).contains("UP");
  }

  @Test
  void onShutdownTheNodeStopsLeasingLetsJobsFinishWithinGraceAndHandsBackTheRest()
      throws InterruptedException {
    // one batch, so the node's two slots take both jobs in one lease
    List<String> ids =
        ada.post(
                "/api/v1/jobs/batch",
                Map.of(
                    "jobs",
                    List.of(
                        Map.of(
                            "kind",
                            "shell",
                            "payload",
                            Map.of("command", "sleep", "args", List.of("4"))),
                        Map.of(
                            "kind",
                            "shell",
                            "payload",
                            Map.of("command", "sleep", "args", List.of("60"))))))
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getList("jobs.id");
    String quick = ids.get(0);
    String slow = ids.get(1);
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> worker.runningJobs() == 2);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          "quick " + ada.status(quick) + ", slow " + ada.status(slow) + ", node log:\n" + log, e);
    }
    assertThat(ada.status(slow)).isIn("LEASED", "RUNNING");

    // what SIGTERM runs (NodeCommand's shutdown hook)
    worker.shutdown(Duration.ofSeconds(8));
    workerThread.join(10_000);

    assertThat(workerThread.isAlive()).isFalse();
    assertThat(log.toString())
        .contains("draining: 2 jobs running, grace 8 s\n")
        .endsWith("stopped\n")
        .doesNotContain("heartbeat failed");
    assertThat(ada.status(quick)).isEqualTo("SUCCEEDED");
    JsonPath handedBack = ada.job(slow);
    assertThat(handedBack.getString("status")).isEqualTo("PENDING");
    assertThat(handedBack.getInt("attempts")).isEqualTo(1);
    assertThat(handedBack.getString("error")).isEqualTo("node test-node shut down");
    String later = ada.submit(PoolCaller.shellJob("true", 0));
    // The stopped node took nothing more: another node finds the new job still waiting for it.
    String other = ada.node("other-node", Map.of(), 2);
    assertThat(ada.lease(other, 2)).extracting(job -> job.get("id")).contains(later);
  }

  @Test
  void anIdleNodeStopsQuietlyWhenItsLongPollIsInterrupted() throws InterruptedException {
    await().atMost(Duration.ofSeconds(10)).until(() -> log.toString().contains("registered as"));
    Thread.sleep(500); // the worker is waiting in its long poll

    worker.shutdown(Duration.ofSeconds(2));
    workerThread.join(10_000);

    assertThat(workerThread.isAlive()).isFalse();
    assertThat(log.toString()).doesNotContain("unavailable");
  }

  @Test
  void aRefusedTokenStopsTheWorkerWithAClearMessage() throws InterruptedException {
    PoolWorker refused =
        new PoolWorker(
            GatewayPoolApi.withHeaders(base, Map.of("X-Zo-User", ada.user())),
            "no-secret",
            Map.of(),
            1,
            new PrintWriter(log, true));
    Thread thread =
        new Thread(
            () -> {
              try {
                refused.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });

    thread.start();
    thread.join(10_000);

    assertThat(thread.isAlive()).isFalse();
    assertThat(refused.fatalError())
        .startsWith("the pool refused this node's token (HTTP 401")
        .contains("https://zoclone.dev/problems/unauthenticated")
        .contains("pass a valid --token");
    assertThat(log.toString()).doesNotContain("retrying");
  }

  /** The worker's real HTTP client, calling the app as the gateway would for {@code user}. */
  private PoolApi poolApiFor(String user) {
    return GatewayPoolApi.withHeaders(
        base, Map.of("X-Zo-Internal-Secret", "test-internal-secret", "X-Zo-User", user));
  }

  private JsonPath awaitStatus(String id, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> ada.status(id).equals(status));
    return ada.job(id);
  }
}
