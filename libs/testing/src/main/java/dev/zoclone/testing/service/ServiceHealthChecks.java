package dev.zoclone.testing.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * The health, OpenAPI and metrics checks every service passes: readiness names the service and
 * covers its database (and Kafka when it uses it), liveness is up, the OpenAPI document is served,
 * {@code /q/metrics} serves its meters. A service's {@code HealthTest} extends it.
 */
public abstract class ServiceHealthChecks {

  /** The service's {@code quarkus.application.name}. */
  protected abstract String serviceName();

  /** Whether readiness must also cover the Kafka broker. */
  protected abstract boolean usesKafka();

  @Test
  void readinessIsUpAndNamesTheServiceAndItsDependencies() {
    ValidatableResponse ready =
        given()
            .when()
            .get("/q/health/ready")
            .then()
            .statusCode(200)
            .body("status", is("UP"))
            .body("checks.find { it.name == 'service' }.data.name", is(serviceName()))
            .body("checks.find { it.name.contains('Database') }.status", is("UP"));
    if (usesKafka()) {
      ready.body("checks.find { it.name == 'kafka' }.status", is("UP"));
    }
  }

  @Test
  void livenessIsUp() {
    given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
  }

  @Test
  void openApiDocumentIsServed() {
    given()
        .when()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body(containsString("ZoClone " + serviceName()));
  }

  @Test
  void metricsAreServedWithTheRequestsTheServiceAnswered() {
    // An application request (refused: it lacks the gateway's secret) is timed like any other.
    given().when().get("/api/v1/metrics-probe").then().statusCode(401);
    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics.lines())
        .as("the refused request is counted")
        .anyMatch(
            line ->
                line.startsWith("http_server_requests_seconds_count{")
                    && line.contains("status=\"401\"")
                    && !line.endsWith(" 0.0"));
    assertThat(metrics)
        .contains("jvm_memory_used_bytes")
        .contains("agroal_active_count")
        .contains("zo_outbox_backlog");
  }
}
