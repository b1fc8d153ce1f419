package dev.zoclone.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import dev.zoclone.gateway.GatewayTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class OpenApiTest {
  @Test
  void documentsTheGatewaysOwnRoutesAndSaysTheRestIsForwarded() {
    given()
        .when()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body("info.title", containsString("ZoClone gateway"))
        .body("info.description", containsString("forwarded"))
        .body("paths.'/api/v1/users'.post.summary", notNullValue())
        .body("paths.'/api/v1/tokens/{id}'.delete.summary", notNullValue())
        .body("paths.'/api/v1/me'.get.summary", notNullValue())
        .body("paths.'/api/v1/status'.get.summary", notNullValue())
        .body("tags.name", hasItems("Identity", "Status"))
        .body("components.securitySchemes.bearer.scheme", containsString("bearer"));
  }
}
