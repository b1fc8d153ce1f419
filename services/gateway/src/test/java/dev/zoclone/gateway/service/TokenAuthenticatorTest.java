package dev.zoclone.gateway.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.zoclone.gateway.GatewayTestProfile;
import dev.zoclone.gateway.TestCallers;
import dev.zoclone.gateway.repository.TokenRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class TokenAuthenticatorTest {
  private static final String UNAUTHENTICATED = "https://zoclone.dev/problems/unauthenticated";

  @Inject TokenRepository tokens;

  @Test
  void aRevokedTokenStopsWorkingAtOnceThoughItWasJustVerified() {
    String first = TestCallers.newUser("revoker").getString("token");
    JsonPath issued =
        given()
            .auth()
            .oauth2(first)
            .contentType(ContentType.JSON)
            .body(Map.of("name", "phone"))
            .when()
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String second = issued.getString("token");
    for (String path : List.of("/api/v1/me", "/api/v1/agents/a-1", "/api/v1/me")) {
      given().auth().oauth2(second).when().get(path).then().statusCode(200);
    }

    given()
        .auth()
        .oauth2(first)
        .when()
        .delete("/api/v1/tokens/" + issued.getString("id"))
        .then()
        .statusCode(204);

    for (String path : List.of("/api/v1/me", "/api/v1/agents/a-1")) {
      given()
          .auth()
          .oauth2(second)
          .when()
          .get(path)
          .then()
          .statusCode(401)
          .contentType("application/problem+json")
          .header("WWW-Authenticate", containsString("invalid_token"))
          .body("type", is(UNAUTHENTICATED));
    }
    given().auth().oauth2(first).when().get("/api/v1/me").then().statusCode(200);
  }

  @Test
  void aTokensLastUseIsStampedOnceAndNotOnEveryRequest() throws InterruptedException {
    String token = TestCallers.newUser("stamped").getString("token");
    Instant before = Instant.now().minusSeconds(1);

    given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200);
    Instant stamped = awaitLastUsed(token, Duration.ofSeconds(5));
    for (int i = 0; i < 5; i++) {
      given().auth().oauth2(token).when().get("/api/v1/agents/a-1").then().statusCode(200);
    }
    Thread.sleep(300);

    assertThat(stamped).isAfter(before);
    // Within zo.gateway.last-used-interval (60 s), a later use writes nothing.
    assertThat(lastUsed(token)).isEqualTo(stamped);
  }

  @Test
  void aTokenNeverIssuedIsRefusedEvenWhileOthersAreRemembered() {
    String known = TestCallers.newUser("known").getString("token");
    given().auth().oauth2(known).when().get("/api/v1/me").then().statusCode(200);

    for (int i = 0; i < 2; i++) {
      given()
          .auth()
          .oauth2(TokenMint.newToken())
          .when()
          .get("/api/v1/agents/a-1")
          .then()
          .statusCode(401)
          .contentType("application/problem+json")
          .body("type", is(UNAUTHENTICATED));
    }
  }

  private Instant awaitLastUsed(String token, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Instant lastUsed = lastUsed(token);
    while (lastUsed == null && System.nanoTime() < deadline) {
      Thread.sleep(50);
      lastUsed = lastUsed(token);
    }
    assertThat(lastUsed).as("the token's last use was written").isNotNull();
    return lastUsed;
  }

  private Instant lastUsed(String token) {
    return QuarkusTransaction.requiringNew()
        .call(() -> tokens.findByHash(TokenMint.hash(token)).orElseThrow().lastUsedAt);
  }
}
