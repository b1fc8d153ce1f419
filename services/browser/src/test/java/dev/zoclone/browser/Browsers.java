package dev.zoclone.browser;

import static io.restassured.RestAssured.given;

import dev.zoclone.contract.ZoHeaders;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Requests to the browser service as the gateway sends them, on behalf of one user. */
public final class Browsers {
  private Browsers() {}

  /** A user no other test shares. */
  public static String newUser() {
    return "user-" + UUID.randomUUID();
  }

  public static RequestSpecification as(String user) {
    return given()
        .header(ZoHeaders.INTERNAL_SECRET, "test-internal-secret")
        .header(ZoHeaders.USER, user)
        .contentType(ContentType.JSON);
  }

  /** Opens an anonymous session and answers its id. */
  public static String open(String user) {
    return as(user)
        .body("{}")
        .post("/api/v1/browser/sessions")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** POSTs {@code body} to the session's operation {@code op}. */
  public static ValidatableResponse op(String user, String id, String op, Object body) {
    return as(user).body(body).post("/api/v1/browser/sessions/" + id + "/" + op).then();
  }

  /** Navigates and expects success. */
  public static void navigate(String user, String id, String url) {
    op(user, id, "navigate", Map.of("url", url)).statusCode(200);
  }

  /** The active tab's content in {@code format}. */
  public static String content(String user, String id, String format) {
    return op(user, id, "content", Map.of("format", format))
        .statusCode(200)
        .extract()
        .path("content");
  }

  public static void close(String user, String id) {
    as(user).delete("/api/v1/browser/sessions/" + id).then().statusCode(204);
  }
}
