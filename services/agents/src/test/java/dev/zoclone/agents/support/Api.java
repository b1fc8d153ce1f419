package dev.zoclone.agents.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Requests as the gateway sends them: the internal secret and the caller. */
public final class Api {
  private Api() {}

  /** A request on behalf of {@code user}. */
  public static RequestSpecification as(String user) {
    return given()
        .header("X-Zo-Internal-Secret", "test-internal-secret")
        .header("X-Zo-User", user)
        .contentType(ContentType.JSON);
  }

  /** A fresh user id, so tests never see each other's keys. */
  public static String newUser() {
    return "user-" + UUID.randomUUID();
  }

  /** Stores an openai-compatible key for {@code user} pointing at {@code baseUrl}. */
  public static void openAiKey(
      String user, String name, String baseUrl, String apiKey, String defaultModel) {
    as(user)
        .body(
            "{\"provider\":\"openai\",\"api_key\":\""
                + apiKey
                + "\",\"base_url\":\""
                + baseUrl
                + "\",\"default_model\":\""
                + defaultModel
                + "\"}")
        .put("/api/v1/keys/" + name)
        .then()
        .statusCode(200);
  }
}
