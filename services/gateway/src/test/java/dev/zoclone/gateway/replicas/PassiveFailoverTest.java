package dev.zoclone.gateway.replicas;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.zoclone.gateway.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway spreads requests over a service's replicas and gets past one that cannot take them,
 * learning only from requests (no readiness check runs in this profile): a refused connection moves
 * any request to the next replica, a connection dropped after the request was sent is retried once
 * elsewhere only for an idempotent request.
 */
@QuarkusTest
@TestProfile(PassiveFailoverProfile.class)
class PassiveFailoverTest {
  String token;

  @BeforeEach
  void user() {
    token = TestCallers.newUser("replicas").getString("token");
  }

  @Test
  void anyRequestMovesOnFromAReplicaThatRefusesConnections() {
    // The first request of a service goes to its first URL, where nothing listens.
    as().get("/api/v1/agents/run-1").then().statusCode(200).body("replica", is("A"));
    as().body("{\"content\":\"kept\"}")
        .post("/api/v1/memories")
        .then()
        .statusCode(200)
        .body("replica", is("A"))
        .body("method", is("POST"))
        .body("body_bytes", is(18)); // the whole body reached A
    // Left out from then on: no request pays for it again.
    for (int i = 0; i < 5; i++) {
      as().get("/api/v1/agents/run-" + i).then().statusCode(200).body("replica", is("A"));
    }
  }

  @Test
  void anIdempotentRequestWhoseConnectionDroppedIsSentOnceMoreToAnotherReplica() {
    as().get("/api/v1/skills/greet").then().statusCode(200).body("replica", is("B"));
    assertThat(dropped("skills")).isEqualTo(1);

    // The meters show it: one failover, one replica of two ready, the request timed by its route.
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .contains("zo_gateway_upstream_failovers_total{service=\"skills\"} 1.0")
        .contains("zo_gateway_replicas_ready{service=\"skills\"} 1.0")
        .contains("zo_gateway_replicas_ready{service=\"pool\"} 2.0");
    assertThat(metrics.lines())
        .anyMatch(
            line ->
                line.startsWith("http_server_requests_seconds_bucket{")
                    && line.contains("uri=\"/api/v1/skills/{path}\"")
                    && line.contains("le=\"0.005\""));
  }

  @Test
  void aPostWhoseConnectionDroppedIsNotSentAgain() {
    as().body("{\"name\":\"once\"}")
        .post("/api/v1/automations")
        .then()
        .statusCode(502)
        .contentType("application/problem+json");
    assertThat(dropped("scheduler")).isEqualTo(1);
    // The replica that dropped it is left out: the next one is answered by B.
    as().body("{\"name\":\"twice\"}")
        .post("/api/v1/automations")
        .then()
        .statusCode(200)
        .body("replica", is("B"));
    assertThat(dropped("scheduler")).isEqualTo(1);
  }

  @Test
  void requestsAreSpreadOverTheReadyReplicas() {
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      seen.add(as().get("/api/v1/jobs/job-" + i).then().statusCode(200).extract().path("replica"));
    }
    assertThat(seen).containsOnly("A", "B");
    assertThat(seen.stream().filter("A"::equals).count()).isBetween(3L, 7L);
  }

  private RequestSpecification as() {
    return given().auth().oauth2(token).contentType("application/json");
  }

  /** How many requests the first (dropping) replica of {@code service} dropped, asked directly. */
  private static int dropped(String service) {
    String first =
        ConfigProvider.getConfig()
            .getValue("zo.gateway.services." + service + ".url", String.class)
            .split(",")[0];
    return given()
        .baseUri(first)
        .get("/control/dropped")
        .then()
        .statusCode(200)
        .extract()
        .path("dropped");
  }
}
