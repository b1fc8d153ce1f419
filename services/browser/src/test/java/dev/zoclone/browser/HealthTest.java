package dev.zoclone.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.testing.infra.PostgresResource;
import dev.zoclone.testing.service.ServiceHealthChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class HealthTest extends ServiceHealthChecks {
  @Override
  protected String serviceName() {
    return "browser";
  }

  @Override
  protected boolean usesKafka() {
    return false;
  }

  @Test
  void theServicesOwnMetersAreScraped() {
    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics).contains("zo_browser_sessions ");
  }
}
