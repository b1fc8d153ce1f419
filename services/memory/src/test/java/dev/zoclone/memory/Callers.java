package dev.zoclone.memory;

import static io.restassured.RestAssured.given;

import dev.zoclone.contract.ZoHeaders;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Requests as the gateway sends them, on behalf of one user. */
public final class Callers {
  private Callers() {}

  /** A user no other test shares, so each test sees only its own memories. */
  public static String newUser() {
    return "user-" + UUID.randomUUID();
  }

  /** A JSON request from the gateway on behalf of {@code user}. */
  public static RequestSpecification as(String user) {
    return given()
        .header(ZoHeaders.INTERNAL_SECRET, "test-internal-secret")
        .header(ZoHeaders.USER, user)
        .contentType(ContentType.JSON)
        .accept(ContentType.JSON);
  }

  /** Saves a memory for {@code user} and answers its id. */
  public static String memorize(String user, String content) {
    return as(user)
        .body(java.util.Map.of("content", content))
        .post("/api/v1/memories")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
