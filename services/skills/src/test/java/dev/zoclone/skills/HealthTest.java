package dev.zoclone.skills;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
    return "skills";
  }

  @Override
  protected boolean usesKafka() {
    return false;
  }

  @Test
  void theServicesOwnMetersAreScraped() {
    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .contains("zo_skills_runs_seconds_count{outcome=\"success\"}")
        .contains("zo_skills_runs_seconds_count{outcome=\"error\"}");
  }
}
