package dev.zoclone.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.zoclone.contract.pool.CompletedJobs;
import dev.zoclone.contract.pool.JobCompletion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker's HTTP client: bodies it sends, and errors classified by problem type. */
class GatewayPoolApiTest {
  private ScriptedGateway gateway;
  private PoolApi pool;

  @BeforeEach
  void start() throws Exception {
    gateway = ScriptedGateway.start();
    pool = GatewayPoolApi.withToken(URI.create(gateway.url()), "t0k");
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void completeAllSendsEveryJobWithItsTokenInOneCall() {
    gateway.answerJson(
        "POST", "/api/v1/nodes/n1/complete", 200, "{\"completed\":[\"j1\"],\"stale\":[\"j2\"]}");

    CompletedJobs answer =
        pool.completeAll(
            "n1", List.of(new JobCompletion("j1", 7L, null), new JobCompletion("j2", 8L, null)));

    assertThat(answer.completed()).containsExactly("j1");
    assertThat(answer.stale()).containsExactly("j2");
    assertThat(gateway.onlyRequest().body())
        .isEqualTo(
            "{\"jobs\":[{\"job_id\":\"j1\",\"lease_token\":7},{\"job_id\":\"j2\",\"lease_token\":8}]}");
    assertThat(gateway.onlyRequest().authorization()).isEqualTo("Bearer t0k");
  }

  @Test
  void aRegistrationNamesTheKindsTheNodeRuns() {
    gateway.answerJson(
        "POST",
        "/api/v1/nodes",
        201,
        "{\"node_id\":\"n1\",\"heartbeat_interval_ms\":10000,\"lease_ttl_ms\":30000}");

    pool.register("rig", Map.of("gpu", "a100"), 4, JobRunners.local().kinds());

    assertThat(gateway.onlyRequest().body())
        .isEqualTo(
            "{\"name\":\"rig\",\"labels\":{\"gpu\":\"a100\"},\"slots\":4,"
                + "\"kinds\":[\"shell\",\"http\"]}");
  }

  @Test
  void aStaleLeaseIsRefusedByItsTypeWhateverItsTitle() {
    gateway.answerProblem(
        "POST",
        "/api/v1/jobs/j1/complete",
        409,
        "{\"type\":\"https://zoclone.dev/problems/stale-lease\",\"title\":\"Konflikt\","
            + "\"status\":409,\"detail\":\"node n1 does not hold job j1\"}");

    Throwable thrown = catchThrowable(() -> pool.complete("j1", "n1", 7, null));

    assertThat(thrown).isInstanceOf(PoolApi.Refused.class);
    assertThat(((PoolApi.Refused) thrown).problemType())
        .isEqualTo("https://zoclone.dev/problems/stale-lease");
  }

  @Test
  void aMissingOrInvalidTokenIsUnauthorized() {
    gateway.answerProblem(
        "POST",
        "/api/v1/nodes",
        401,
        "{\"type\":\"https://zoclone.dev/problems/unauthenticated\",\"title\":\"Unauthenticated\","
            + "\"status\":401,\"detail\":\"invalid token\"}");

    Throwable thrown = catchThrowable(() -> pool.register("n", Map.of(), 1, List.of("shell")));

    assertThat(thrown)
        .isInstanceOf(PoolApi.Unauthorized.class)
        .hasMessageContaining("401")
        .hasMessageContaining("invalid token");
  }

  @Test
  void serverErrorsRateLimitsAndForeignPagesAreWorthRetrying() {
    gateway.answerProblem(
        "POST",
        "/api/v1/nodes/n1/heartbeat",
        503,
        "{\"type\":\"https://zoclone.dev/problems/service-unavailable\",\"status\":503}");
    gateway.answerText("POST", "/api/v1/nodes/n1/lease", 404, "<html>proxy: no route</html>");

    assertThat(catchThrowable(() -> pool.heartbeat("n1", List.of())))
        .isInstanceOf(PoolApi.Unavailable.class);
    assertThat(catchThrowable(() -> pool.lease("n1", 1, 0, List.of(), List.of())))
        .isInstanceOf(PoolApi.Unavailable.class);
  }

  @Test
  void nothingListeningIsUnavailable() {
    PoolApi nowhere = GatewayPoolApi.withToken(URI.create("http://127.0.0.1:9"), "t0k");

    assertThat(catchThrowable(() -> nowhere.heartbeat("n1", List.of())))
        .isInstanceOf(PoolApi.Unavailable.class);
  }

  @Test
  void aWorkerWhoseTokenIsRefusedStopsAtOnceWithAClearMessage() throws InterruptedException {
    gateway.answerProblem(
        "POST",
        "/api/v1/nodes",
        401,
        "{\"type\":\"https://zoclone.dev/problems/unauthenticated\",\"status\":401,"
            + "\"detail\":\"invalid token\"}");
    StringWriter log = new StringWriter();
    PoolWorker worker = new PoolWorker(pool, "n", Map.of(), 1, new PrintWriter(log, true));

    worker.run();

    assertThat(worker.fatalError())
        .isEqualTo(
            "the pool refused this node's token (HTTP 401"
                + " https://zoclone.dev/problems/unauthenticated: invalid token); pass a valid"
                + " --token or set ZO_TOKEN, then start the node again");
    assertThat(gateway.requests()).hasSize(1);
  }
}
