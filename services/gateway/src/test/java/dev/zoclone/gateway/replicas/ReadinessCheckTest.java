package dev.zoclone.gateway.replicas;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zoclone.gateway.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A replica that fails its readiness check gets no requests until it is ready again, and the status
 * route shows every replica.
 */
@QuarkusTest
@TestProfile(ReadinessCheckProfile.class)
class ReadinessCheckTest {

  @AfterEach
  void ready() {
    setReady(true);
  }

  @Test
  void aReplicaThatIsNotReadyGetsNoRequestsUntilItIsReadyAgain() {
    String token = TestCallers.newUser("readiness").getString("token");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(replicasSeen(token, 6)).contains("A", "B"));

    setReady(false);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(replicasSeen(token, 6)).containsOnly("A"));
    assertThat(status("pool@2")).containsEntry("status", "DOWN");
    assertThat(status("pool@1")).containsEntry("status", "UP");

    setReady(true);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(replicasSeen(token, 6)).contains("A", "B"));
    assertThat(status("pool@2")).containsEntry("status", "UP");
  }

  private static List<String> replicasSeen(String token, int requests) {
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      seen.add(
          given()
              .auth()
              .oauth2(token)
              .get("/api/v1/jobs/job-" + i)
              .then()
              .statusCode(200)
              .extract()
              .path("replica"));
    }
    return seen;
  }

  private static Map<String, Object> status(String name) {
    List<Map<String, Object>> services =
        given()
            .auth()
            .oauth2(TestCallers.adminToken())
            .get("/api/v1/status")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("services");
    return services.stream().filter(s -> name.equals(s.get("name"))).findFirst().orElseThrow();
  }

  /** Switches replica B of pool (its second URL) ready or not, directly. */
  private static void setReady(boolean ready) {
    String second =
        ConfigProvider.getConfig()
            .getValue("zo.gateway.services.pool.url", String.class)
            .split(",")[1];
    given().baseUri(second).post("/control/ready?value=" + ready).then().statusCode(204);
  }
}
