package dev.zoclone.scheduler;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import dev.zoclone.testing.service.ServiceHealthChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class HealthTest extends ServiceHealthChecks {
  @Override
  protected String serviceName() {
    return "scheduler";
  }

  @Override
  protected boolean usesKafka() {
    return true;
  }

  @Test
  void directCallsWithoutTheGatewaySecretAreRefusedWithAProblem() {
    given()
        .header("X-Zo-User", "mallory")
        .when()
        .get("/api/v1/automations")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/unauthenticated"));
  }

  @Test
  void theServicesOwnMetersAreScraped() {
    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics).contains("zo_scheduler_fire_lag_seconds_count");
  }
}
