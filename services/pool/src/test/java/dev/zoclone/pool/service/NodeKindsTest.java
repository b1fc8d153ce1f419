package dev.zoclone.pool.service;

import static dev.zoclone.pool.service.LeasingTest.ids;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nodes declare the job kinds they run; a lease hands out only those, and a pending job that no
 * live node of its owner can take says why in {@code waiting_for}.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class NodeKindsTest {
  @Inject AgroalDataSource dataSource;

  private final PoolCaller ada = PoolCaller.fresh();

  @Test
  void aNodeIsLeasedOnlyTheKindsItRegisteredWithEvenWhenItsLeaseAsksForMore() {
    String agent = ada.submit(Map.of("kind", "agent", "payload", Map.of("prompt", "hi")));
    String shell = ada.submit(PoolCaller.shellJob("echo", 0));
    String node = node("shell-only", Map.of(), List.of("shell"));

    List<Map<String, Object>> unfiltered = ada.lease(node, 10);
    List<Map<String, Object>> askingForAgent =
        ada.post(
                "/api/v1/nodes/" + node + "/lease",
                Map.of("max_jobs", 10, "kinds", List.of("agent")))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("jobs");

    assertThat(ids(unfiltered)).containsExactly(shell);
    assertThat(askingForAgent).isEmpty();
    assertThat(ada.status(agent)).isEqualTo("PENDING");
  }

  @Test
  void aNodeRegisteredWithoutKindsRunsEveryKindAndListsThem() {
    String agent = ada.submit(Map.of("kind", "agent", "payload", Map.of("prompt", "hi")));
    String node = ada.node("any", Map.of(), 2);

    assertThat(ids(ada.lease(node, 2))).containsExactly(agent);
    List<Map<String, Object>> nodes =
        ada.request().get("/api/v1/nodes").then().statusCode(200).extract().path("nodes");
    assertThat(nodes.get(0).get("kinds")).isEqualTo(List.of("shell", "http", "agent", "skill"));
  }

  @Test
  void aPendingJobOfAKindNoLiveNodeOffersSaysSo() {
    String skill = ada.submit(Map.of("kind", "skill", "payload", Map.of("skill", "csv-stats")));

    assertThat(ada.job(skill).getString("waiting_for"))
        .isEqualTo("no live node of yours offers kind 'skill' (none of your nodes is online)");

    node("box", Map.of(), List.of("shell", "http"));
    assertThat(ada.job(skill).getString("waiting_for"))
        .isEqualTo("no live node of yours offers kind 'skill'");

    node("sandboxed", Map.of(), List.of("skill"));
    JsonPath job = ada.job(skill);
    assertThat(job.getString("status")).isEqualTo("PENDING");
    assertThat(job.getString("waiting_for")).isNull();
  }

  @Test
  void aPendingJobWhoseRequirementsNoLiveNodeMeetsSaysSo() {
    String gpu =
        ada.submit(
            Map.of(
                "kind", "shell",
                "payload", Map.of("command", "train"),
                "requirements", Map.of("gpu", "true")));
    node("laptop", Map.of("gpu", "false", "os", "linux"), List.of("shell"));
    node("rig", Map.of("gpu", "true"), List.of("http"));

    assertThat(ada.job(gpu).getString("waiting_for"))
        .isEqualTo(
            "no live node of yours that offers kind 'shell' matches requirements {gpu=true}");

    node("gpu-box", Map.of("gpu", "true", "os", "linux"), List.of("shell", "http"));
    assertThat(ada.job(gpu).getString("waiting_for")).isNull();
  }

  @Test
  void aNodeThatStoppedHeartbeatingNoLongerCounts() throws Exception {
    String agent = ada.submit(Map.of("kind", "agent", "payload", Map.of("prompt", "hi")));
    String node = node("gone", Map.of(), List.of("agent"));
    assertThat(ada.job(agent).getString("waiting_for")).isNull();

    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "UPDATE node SET last_seen_at = now() - interval '1 hour' WHERE id = ?")) {
      statement.setString(1, node);
      statement.executeUpdate();
    }

    assertThat(ada.job(agent).getString("waiting_for"))
        .isEqualTo("no live node of yours offers kind 'agent' (none of your nodes is online)");
  }

  @Test
  void onlyPendingJobsCarryAReason() {
    String shell = ada.submit(PoolCaller.shellJob("echo", 0));
    String node = node("shell", Map.of(), List.of("shell"));
    ada.lease(node, 1);

    JsonPath job = ada.job(shell);
    assertThat(job.getString("status")).isEqualTo("LEASED");
    assertThat(job.getString("waiting_for")).isNull();
  }

  @Test
  void kindsMustBeKnownAndNotEmpty() {
    ada.post("/api/v1/nodes", Map.of("name", "x", "kinds", List.of("shell", "gpu-magic")))
        .then()
        .statusCode(400)
        .body("errors[0].field", is("kinds"));
    ada.post("/api/v1/nodes", Map.of("name", "x", "kinds", List.of()))
        .then()
        .statusCode(400)
        .body("errors[0].field", is("kinds"));
  }

  private String node(String name, Map<String, String> labels, List<String> kinds) {
    return ada.post(
            "/api/v1/nodes", Map.of("name", name, "labels", labels, "slots", 4, "kinds", kinds))
        .then()
        .statusCode(201)
        .extract()
        .path("node_id");
  }
}
