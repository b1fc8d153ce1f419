package dev.zoclone.pool;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class HealthTest {
  @Test
  void readinessIsUpAndNamesTheServiceAndItsDependencies() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", is("UP"))
        .body("checks.find { it.name == 'service' }.data.name", is("pool"))
        .body("checks.find { it.name.contains('Database') }.status", is("UP"))
        .body("checks.find { it.name == 'kafka' }.status", is("UP"));
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
        .body(containsString("ZoClone pool"));
  }

  @Test
  void directCallsWithoutTheGatewaySecretAreRefusedWithAProblem() {
    given()
        .header("X-Zo-User", "mallory")
        .when()
        .get("/api/v1/jobs")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/unauthenticated"));
  }
}
