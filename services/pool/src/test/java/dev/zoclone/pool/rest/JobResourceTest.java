package dev.zoclone.pool.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import dev.zoclone.pool.PoolCaller;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class JobResourceTest {
  private final PoolCaller ada = PoolCaller.fresh();

  @Test
  void submittedShellJobIsPendingWithItsPayloadAndDefaults() {
    String id =
        ada.submit(
            Map.of(
                "kind",
                "shell",
                "payload",
                Map.of("command", "echo", "args", List.of("hi")),
                "requirements",
                Map.of("os", "linux"),
                "timeout_s",
                30));

    JsonPath job = ada.job(id);

    assertThat(job.getString("status")).isEqualTo("PENDING");
    assertThat(job.getString("kind")).isEqualTo("shell");
    assertThat(job.getInt("attempts")).isZero();
    assertThat(job.getInt("max_attempts")).isEqualTo(3);
    assertThat(job.getInt("priority")).isZero();
    assertThat(job.getInt("timeout_s")).isEqualTo(30);
    assertThat(job.getString("payload.command")).isEqualTo("echo");
    assertThat(job.getString("requirements.os")).isEqualTo("linux");
  }

  @Test
  void resubmittingWithTheSameIdempotencyKeyAnswersTheFirstJob() {
    Map<String, Object> body =
        Map.of(
            "kind", "http",
            "payload", Map.of("method", "GET", "url", "http://example.test/"),
            "idempotency_key", "nightly-42");

    String first = ada.submit(body);
    String again = ada.post("/api/v1/jobs", body).then().statusCode(200).extract().path("id");

    assertThat(again).isEqualTo(first);
    ada.request().get("/api/v1/jobs").then().statusCode(200).body("jobs.size()", is(1));
  }

  @Test
  void theSameIdempotencyKeyOfAnotherOwnerMakesAnotherJob() {
    Map<String, Object> body =
        Map.of("kind", "agent", "payload", Map.of("prompt", "summarise"), "idempotency_key", "k1");

    String adas = ada.submit(body);
    String bobs = PoolCaller.fresh().submit(body);

    assertThat(bobs).isNotEqualTo(adas);
  }

  @Test
  void unknownKindIsRefusedWithAProblemNamingTheField() {
    ada.post("/api/v1/jobs", Map.of("kind", "python", "payload", Map.of("command", "x")))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/validation"))
        .body("errors.field", hasItem("kind"))
        .body("detail", containsString("kind: must be one of shell, http, agent, skill"));
    assertThat(ada.request().get("/api/v1/jobs").jsonPath().getList("jobs")).isEmpty();
  }

  @Test
  void missingPayloadFieldsAreEachNamed() {
    ada.post("/api/v1/jobs", Map.of("kind", "http", "payload", Map.of("method", "FETCH")))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("payload.method"))
        .body("errors.field", hasItem("payload.url"));
    ada.post("/api/v1/jobs", Map.of("kind", "shell", "payload", Map.of("args", List.of(1))))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("payload.command"))
        .body("errors.field", hasItem("payload.args"));
  }

  @Test
  void priorityOutOfRangeIsRefused() {
    ada.post("/api/v1/jobs", PoolCaller.shellJob("true", 1001))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("priority"))
        .body("detail", containsString("-1000 and 1000"));
  }

  @Test
  void badAttemptsAndTimeoutAreRefused() {
    ada.post(
            "/api/v1/jobs",
            Map.of(
                "kind",
                "skill",
                "payload",
                Map.of("skill", "pdf"),
                "max_attempts",
                0,
                "timeout_s",
                -5))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("max_attempts"))
        .body("errors.field", hasItem("timeout_s"));
  }

  @Test
  void aJobOfAnotherOwnerIsNotFound() {
    String id = ada.submit(PoolCaller.shellJob("true", 0));
    PoolCaller mallory = PoolCaller.fresh();

    mallory
        .request()
        .get("/api/v1/jobs/" + id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    mallory.post("/api/v1/jobs/" + id + "/cancel", "").then().statusCode(404);
    assertThat(ada.status(id)).isEqualTo("PENDING");
  }

  @Test
  void cancellingAPendingJobCancelsItAndASecondCancelConflicts() {
    String id = ada.submit(PoolCaller.shellJob("sleep 10", 0));

    ada.post("/api/v1/jobs/" + id + "/cancel", "")
        .then()
        .statusCode(200)
        .body("status", is("CANCELLED"));
    ada.post("/api/v1/jobs/" + id + "/cancel", "")
        .then()
        .statusCode(409)
        .body("type", is("https://zoclone.dev/problems/job-finished"));
  }

  @Test
  void aCancelledJobRetriesAsPendingWithoutItsOldError() {
    String id = ada.submit(PoolCaller.shellJob("sleep 10", 0));
    ada.post("/api/v1/jobs/" + id + "/cancel", "").then().statusCode(200);
    assertThat(ada.job(id).getString("error")).isEqualTo("cancelled by its owner");

    ada.post("/api/v1/jobs/" + id + "/retry", "")
        .then()
        .statusCode(200)
        .body("status", is("PENDING"))
        .body("attempts", is(0));

    assertThat(ada.job(id).getString("error")).isNull();
  }

  @Test
  void retryingAJobThatIsNotDeadConflicts() {
    String id = ada.submit(PoolCaller.shellJob("true", 0));

    ada.post("/api/v1/jobs/" + id + "/retry", "")
        .then()
        .statusCode(409)
        .body("type", is("https://zoclone.dev/problems/job-not-dead"));
  }

  @Test
  void listingFiltersByStatusAndRefusesAnUnknownOne() {
    String kept = ada.submit(PoolCaller.shellJob("true", 0));
    String cancelled = ada.submit(PoolCaller.shellJob("true", 0));
    ada.post("/api/v1/jobs/" + cancelled + "/cancel", "").then().statusCode(200);

    List<String> pending =
        ada.request().get("/api/v1/jobs?status=PENDING").jsonPath().getList("jobs.id");

    assertThat(pending).containsExactly(kept);
    ada.request().get("/api/v1/jobs?status=LOST").then().statusCode(400);
  }

  @Test
  void completingAJobTheNodeDoesNotHoldConflictsAndChangesNothing() {
    String id = ada.submit(PoolCaller.shellJob("true", 0));
    String node = ada.node("n1", Map.of(), 1);

    ada.complete(id, node, 12345, Map.of("exit_code", 0))
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/stale-lease"));
    assertThat(ada.status(id)).isEqualTo("PENDING");
  }

  @Test
  void completionWithoutALeaseTokenIsABadRequest() {
    String id = ada.submit(PoolCaller.shellJob("true", 0));

    ada.post("/api/v1/jobs/" + id + "/complete", Map.of("node_id", "n"))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("lease_token"));
  }
}
