package dev.zoclone.supervisor.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.zoclone.supervisor.SupervisorCaller;
import dev.zoclone.testing.infra.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ProcessResourceTest {
  private final SupervisorCaller ada = SupervisorCaller.fresh();
  private final SupervisorCaller bob = SupervisorCaller.fresh();

  @AfterEach
  void cleanUp() {
    ada.deleteAll();
    bob.deleteAll();
  }

  @Test
  void aMissingBinaryIsABadRequestNamingTheCommand() {
    ada.create(Map.of("name", "x", "command", "no-such-binary-here"))
        .then()
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("errors[0].field", equalTo("command"))
        .body("detail", containsString("no executable named no-such-binary-here"));
    ada.create(Map.of("name", "y", "command", "/opt/nothing/here"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("command"));
  }

  @Test
  void aMissingWorkdirOrHomeExecutableEndsFatalWithTheReason() {
    ada.created(SupervisorCaller.bash("w", "true", "workdir", "no/such/dir"));
    ada.created(Map.of("name", "h", "command", "./run.sh"));

    assertThat(ada.awaitStatus("w", "FATAL").getString("reason"))
        .isEqualTo("workdir no/such/dir does not exist in the process's home");
    assertThat(ada.awaitStatus("h", "FATAL").getString("reason"))
        .contains("no executable file ./run.sh");
  }

  @Test
  void aUserPastTheProcessQuotaGetsA409UntilTheyDeleteOne() {
    // zo.quota.processes is 5 under test
    for (int i = 0; i < 5; i++) {
      ada.created(SupervisorCaller.bash("p" + i, "sleep 600"));
    }

    ada.create(SupervisorCaller.bash("p5", "sleep 600"))
        .then()
        .statusCode(409)
        .contentType(containsString("application/problem+json"))
        .body("type", equalTo("https://zoclone.dev/problems/quota-exceeded"));
    bob.created(SupervisorCaller.bash("p5", "sleep 600"));

    ada.request().delete("/api/v1/processes/p0").then().statusCode(204);
    ada.created(SupervisorCaller.bash("p5", "sleep 600"));
  }

  @Test
  void badFieldsAreRefusedByName() {
    assertField(Map.of("command", "true"), "name");
    assertField(Map.of("name", "a b", "command", "true"), "name");
    assertField(Map.of("name", "a"), "command");
    assertField(Map.of("name", "a", "command", "true", "mode", "udp"), "mode");
    assertField(Map.of("name", "a", "command", "true", "restart", "sometimes"), "restart");
    assertField(Map.of("name", "a", "command", "true", "workdir", "../up"), "workdir");
    assertField(Map.of("name", "a", "command", "true", "workdir", "/etc"), "workdir");
    assertField(Map.of("name", "a", "command", "true", "port", 9000), "port");
    assertField(Map.of("name", "a", "command", "true", "mode", "http", "port", 80), "port");
    assertField(Map.of("name", "a", "command", "true", "env", Map.of("PATH", "/x")), "env");
    assertField(Map.of("name", "a", "command", "true", "max_restarts", -1), "max_restarts");
    assertField(Map.of("name", "a", "command", "true", "visibility", "world"), "visibility");
    ada.request().get("/api/v1/processes/a/logs?tail=x").then().statusCode(400);
  }

  @Test
  void namesArePerUserAndOthersProcessesAreNotFound() {
    ada.created(SupervisorCaller.bash("same", "sleep 600"));
    bob.created(SupervisorCaller.bash("same", "sleep 600"));

    ada.create(SupervisorCaller.bash("same", "sleep 600"))
        .then()
        .statusCode(409)
        .body("type", containsString("process-exists"));
    ada.request().delete("/api/v1/processes/same").then().statusCode(204);
    ada.request().get("/api/v1/processes/same").then().statusCode(404);
    assertThat(bob.get("same").getString("status")).isIn("STARTING", "RUNNING");
    JsonPath list = bob.request().get("/api/v1/processes").then().extract().jsonPath();
    assertThat(list.getList("processes.name")).containsExactly("same");
  }

  @Test
  void theRouteLookupAnswersStatusVisibilityAndPort() {
    ada.created(
        Map.of(
            "name", "pub",
            "command", "bash",
            "args", List.of("-c", "exec python3 -m http.server --bind 127.0.0.1 $PORT"),
            "mode", "http",
            "visibility", "public"));
    JsonPath running = ada.awaitStatus("pub", "RUNNING");

    JsonPath route =
        ada.request().get("/internal/v1/routes/pub").then().statusCode(200).extract().jsonPath();

    assertThat(route.getString("status")).isEqualTo("RUNNING");
    assertThat(route.getString("visibility")).isEqualTo("public");
    assertThat(route.getString("host")).isEqualTo("127.0.0.1");
    assertThat(route.getInt("port")).isEqualTo(running.getInt("port"));
    ada.action("pub", "stop");
    JsonPath stopped = ada.request().get("/internal/v1/routes/pub").then().extract().jsonPath();
    assertThat(stopped.getString("status")).isEqualTo("STOPPED");
    assertThat(stopped.getString("port")).isNull();
  }

  private void assertField(Map<String, Object> body, String field) {
    ada.create(body).then().statusCode(400).body("errors[0].field", equalTo(field));
  }
}
