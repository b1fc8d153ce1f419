package dev.zoclone.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.gateway.GatewayTestProfile;
import dev.zoclone.gateway.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway's HTTP metrics tag a forwarded request with its route, and a public route's request
 * with {@code /p/{process}}, never with the ids in their paths, whatever they are answered: the
 * tag's values stay as few as the routes.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class ForwardedMetricsTest {

  @Test
  void requestsAreTaggedWithTheirRouteNotWithTheIdsInTheirPath() {
    String id = UUID.randomUUID().toString();
    // Forwarded, answered by the service.
    given()
        .auth()
        .oauth2(TestCallers.adminToken())
        .get("/api/v1/mcp-servers/" + id)
        .then()
        .statusCode(200);
    given().auth().oauth2(TestCallers.adminToken()).get("/api/v1/tools").then().statusCode(200);
    // Refused by the gateway before it is forwarded.
    given().get("/api/v1/memories/" + id).then().statusCode(401);
    // A public route, whatever its answer.
    given().get("/p/someone/" + id + "/index.html");

    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

    assertThat(metrics).doesNotContain(id);
    assertThat(
            metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{")))
        .anyMatch(line -> tagged(line, "/api/v1/mcp-servers/{path}", "200"))
        .anyMatch(line -> tagged(line, "/api/v1/tools", "200"))
        .anyMatch(line -> tagged(line, "/api/v1/memories/{path}", "401"))
        .anyMatch(line -> line.contains("uri=\"/p/{process}\""));
  }

  private static boolean tagged(String line, String uri, String status) {
    return line.contains("uri=\"" + uri + "\"") && line.contains("status=\"" + status + "\"");
  }
}
