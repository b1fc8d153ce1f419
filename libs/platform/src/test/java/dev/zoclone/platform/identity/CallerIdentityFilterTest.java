package dev.zoclone.platform.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class CallerIdentityFilterTest {

  @Test
  void callerNamedByTheGatewayIsTheCurrentCaller() {
    given()
        .header("X-Zo-Internal-Secret", "test-internal-secret")
        .header("X-Zo-User", "alice")
        .when()
        .get("/api/v1/echo")
        .then()
        .statusCode(200)
        .body("user", is("alice"));
  }

  @Test
  void callerWithoutTheSecretIsRefused() {
    given()
        .header("X-Zo-User", "alice")
        .when()
        .get("/api/v1/echo")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/unauthenticated"));
  }

  @Test
  void callerWithAWrongSecretIsRefused() {
    given()
        .header("X-Zo-Internal-Secret", "test-internal-secreT")
        .header("X-Zo-User", "alice")
        .when()
        .get("/api/v1/echo")
        .then()
        .statusCode(401);
  }

  @Test
  void requestWithTheSecretButNoCallerIsRefused() {
    given()
        .header("X-Zo-Internal-Secret", "test-internal-secret")
        .when()
        .get("/api/v1/echo")
        .then()
        .statusCode(401)
        .body("detail", is("The request names no caller"));
  }

  @Test
  void unknownRoutesAreRefusedBeforeTheyAreMatched() {
    given()
        .header("X-Zo-User", "alice")
        .when()
        .get("/api/v1/no-such-route")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void healthStaysOpen() {
    given().when().get("/q/health/live").then().statusCode(200);
  }
}
