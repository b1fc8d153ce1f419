package dev.zoclone.pool.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.zoclone.pool.PoolCaller;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class LeasingTest {
  private final PoolCaller ada = PoolCaller.fresh();

  @Test
  void leasesHighestPriorityFirstAndFifoWithinAPriority() {
    String low1 = ada.submit(PoolCaller.shellJob("low-1", -5));
    String mid1 = ada.submit(PoolCaller.shellJob("mid-1", 0));
    String high = ada.submit(PoolCaller.shellJob("high", 10));
    String mid2 = ada.submit(PoolCaller.shellJob("mid-2", 0));
    String low2 = ada.submit(PoolCaller.shellJob("low-2", -5));
    String mid3 = ada.submit(PoolCaller.shellJob("mid-3", 0));
    String node = ada.node("n1", Map.of(), 10);

    List<Object> firstThree = ids(ada.lease(node, 3));
    List<Object> rest = ids(ada.lease(node, 10));

    assertThat(firstThree).containsExactly(high, mid1, mid2);
    assertThat(rest).containsExactly(mid3, low1, low2);
  }

  @Test
  void aNodeTakesOnlyJobsWhoseRequirementsItsLabelsMeet() {
    String gpu =
        ada.submit(
            Map.of(
                "kind", "shell",
                "payload", Map.of("command", "train"),
                "requirements", Map.of("gpu", "a100")));
    String linux =
        ada.submit(
            Map.of(
                "kind", "shell",
                "payload", Map.of("command", "build"),
                "requirements", Map.of("os", "linux")));
    String anywhere = ada.submit(PoolCaller.shellJob("echo", 0));
    String laptop = ada.node("laptop", Map.of("os", "linux", "gpu", "none"), 10);
    String rig = ada.node("rig", Map.of("os", "linux", "gpu", "a100"), 10);

    List<Object> laptopJobs = ids(ada.lease(laptop, 10));
    List<Object> rigJobs = ids(ada.lease(rig, 10));

    assertThat(laptopJobs).containsExactlyInAnyOrder(linux, anywhere);
    assertThat(rigJobs).containsExactly(gpu);
  }

  @Test
  void aNodeLeasesNoMoreThanItsFreeSlots() {
    for (int i = 0; i < 5; i++) {
      ada.submit(PoolCaller.shellJob("job-" + i, 0));
    }
    String node = ada.node("small", Map.of(), 2);

    assertThat(ada.lease(node, 10)).hasSize(2);
    assertThat(ada.lease(node, 10)).isEmpty();
  }

  @Test
  void aNodeTakesOnlyItsOwnersJobs() {
    ada.submit(PoolCaller.shellJob("secret", 0));
    PoolCaller bob = PoolCaller.fresh();
    String bobsNode = bob.node("bob", Map.of(), 4);

    assertThat(bob.lease(bobsNode, 4)).isEmpty();
    ada.post("/api/v1/nodes/" + bobsNode + "/lease", Map.of("max_jobs", 1))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void aLeasedJobCarriesItsAttemptAndAFencingTokenAndTheNodeIsListed() {
    String id = ada.submit(PoolCaller.shellJob("echo", 0));
    String node = ada.node("n1", Map.of("os", "linux"), 4);

    Map<String, Object> leased = ada.lease(node, 1).get(0);

    assertThat(leased.get("id")).isEqualTo(id);
    assertThat(leased.get("attempt")).isEqualTo(1);
    assertThat(((Number) leased.get("lease_token")).longValue()).isPositive();
    assertThat(ada.job(id).getString("status")).isEqualTo("LEASED");
    assertThat(ada.job(id).getString("node_id")).isEqualTo(node);
    ada.request()
        .get("/api/v1/nodes")
        .then()
        .statusCode(200)
        .body("nodes[0].id", is(node))
        .body("nodes[0].status", is("ONLINE"))
        .body("nodes[0].active_jobs", is(1))
        .body("nodes[0].labels.os", is("linux"));
  }

  @Test
  void completingWithTheLeaseSucceedsExactlyOnce() {
    String id = ada.submit(PoolCaller.shellJob("echo", 0));
    String node = ada.node("n1", Map.of(), 1);
    Object token = ada.lease(node, 1).get(0).get("lease_token");

    ada.complete(id, node, token, Map.of("exit_code", 0, "stdout", "hi\n"))
        .then()
        .statusCode(200)
        .body("status", is("SUCCEEDED"))
        .body("result.stdout", is("hi\n"));
    ada.complete(id, node, token, Map.of("exit_code", 0)).then().statusCode(409);
    assertThat(ada.job(id).getString("result.stdout")).isEqualTo("hi\n");
  }

  @Test
  void badLeaseRequestsAreRefused() {
    String node = ada.node("n1", Map.of(), 1);

    ada.post("/api/v1/nodes/" + node + "/lease", Map.of("max_jobs", 1, "wait_ms", 60_000))
        .then()
        .statusCode(400)
        .body("errors[0].field", is("wait_ms"));
    ada.post("/api/v1/nodes/" + node + "/lease", Map.of("max_jobs", 0))
        .then()
        .statusCode(400)
        .body("errors[0].field", is("max_jobs"));
    ada.post("/api/v1/nodes", Map.of("name", "x", "slots", 0))
        .then()
        .statusCode(400)
        .body("errors[0].field", is("slots"));
  }

  @Test
  void aNodeAskingForSomeKindsGetsOnlyThose() {
    ada.submit(Map.of("kind", "agent", "payload", Map.of("prompt", "hi")));
    String shell = ada.submit(PoolCaller.shellJob("echo", 0));
    String node = ada.node("n1", Map.of(), 4);

    List<Map<String, Object>> jobs =
        ada.post(
                "/api/v1/nodes/" + node + "/lease",
                Map.of("max_jobs", 4, "kinds", List.of("shell", "http")))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("jobs");

    assertThat(ids(jobs)).containsExactly(shell);
  }

  static List<Object> ids(List<Map<String, Object>> jobs) {
    return jobs.stream().map(j -> j.get("id")).toList();
  }
}
