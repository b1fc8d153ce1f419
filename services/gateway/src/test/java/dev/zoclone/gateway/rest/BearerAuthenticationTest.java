package dev.zoclone.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import dev.zoclone.gateway.GatewayTestProfile;
import dev.zoclone.gateway.TestCallers;
import dev.zoclone.gateway.service.TokenMint;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class BearerAuthenticationTest {
  private static final String UNAUTHENTICATED = "https://zoclone.dev/problems/unauthenticated";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/me",
        "/api/v1/status",
        "/api/v1/agents/1",
        "/zo/ask",
        "/v1/chat/completions"
      })
  void requestsWithoutATokenAreRefusedWithAProblem(String path) {
    given()
        .when()
        .get(path)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("type", is(UNAUTHENTICATED))
        .body("status", is(401))
        .body("instance", is(path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/me", "/api/v1/agents/1"})
  void aTokenThatWasNeverIssuedIsRefused(String path) {
    given()
        .auth()
        .oauth2(TokenMint.newToken())
        .when()
        .get(path)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", containsString("invalid_token"))
        .body("type", is(UNAUTHENTICATED));
  }

  @Test
  void somethingThatIsNotABearerTokenIsRefused() {
    given()
        .header("Authorization", "Basic YWRtaW46YWRtaW4=")
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(401)
        .body("type", is(UNAUTHENTICATED));
  }

  @Test
  void aNonAdminCannotCreateUsers() {
    String token = TestCallers.newUser("plain").getString("token");

    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("name", TestCallers.uniqueName("sneaky")))
        .when()
        .post("/api/v1/users")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/forbidden"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1;x=y/status", "/API/v1/status", "/not-an-api-path"})
  void oddOrUnknownPathsNeedATokenToo(String path) {
    given()
        .urlEncodingEnabled(false)
        .when()
        .get(path)
        .then()
        .statusCode(401)
        .body("type", is(UNAUTHENTICATED));
  }

  @Test
  void healthAndOpenApiArePublic() {
    given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    given().when().get("/q/openapi").then().statusCode(200);
  }
}
