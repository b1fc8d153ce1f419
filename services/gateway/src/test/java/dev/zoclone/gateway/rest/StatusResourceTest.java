package dev.zoclone.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.gateway.FakeServices;
import dev.zoclone.gateway.GatewayTestProfile;
import dev.zoclone.gateway.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class StatusResourceTest {

  @Test
  void listsTheGatewayAndEveryServiceWithDownOnesAsDown() {
    long started = System.nanoTime();
    JsonPath status =
        given()
            .auth()
            .oauth2(TestCallers.adminToken())
            .when()
            .get("/api/v1/status")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    List<Map<String, Object>> services = status.getList("services");
    assertThat(services)
        .extracting(s -> s.get("name"))
        .containsExactly(
            "gateway", "agents", "browser", "memory", "pool", "scheduler", "skills", "supervisor");
    assertThat(entry(services, "gateway")).containsEntry("status", "UP");
    assertThat(entry(services, FakeServices.ECHO))
        .containsEntry("status", "UP")
        .containsEntry("version", FakeServices.ECHO_VERSION);
    assertThat(entry(services, FakeServices.UNREACHABLE)).containsEntry("status", "DOWN");
    assertThat(entry(services, FakeServices.SLOW)).containsEntry("status", "DOWN");
    // In parallel: one status timeout (1 s in tests), not one per service, nor the slow 3 s.
    assertThat(took).isLessThan(Duration.ofMillis(FakeServices.SLOW_MILLIS));
  }

  private static Map<String, Object> entry(List<Map<String, Object>> services, String name) {
    return services.stream().filter(s -> name.equals(s.get("name"))).findFirst().orElseThrow();
  }
}
