package dev.zoclone.platform.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class BodyTooLargeRouteTest {
  @Inject Vertx vertx;

  @Test
  void aBodyOverTheHttpLimitIsA413ProblemWithAStableType() {
    // The test app keeps Quarkus's default limit of 10240K.
    byte[] body = new byte[11 * 1024 * 1024];
    Arrays.fill(body, (byte) 'x');

    given()
        .header("X-Zo-Internal-Secret", "test-internal-secret")
        .header("X-Zo-User", "u1")
        .contentType("application/json")
        .body(body)
        .when()
        .post("/api/v1/echo")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/payload-too-large"))
        .body("status", is(413))
        .body("instance", is("/api/v1/echo"));
  }

  @Test
  void overHttp2TheProblemComesWithoutConnectionSpecificHeaders() throws Exception {
    byte[] body = new byte[11 * 1024 * 1024];
    Arrays.fill(body, (byte) 'x');
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false)); // prior knowledge, as an h2c proxy may use
    try {
      // the body is read in the same chain: a response's data is not kept for a late reader
      Map.Entry<HttpClientResponse, String> answer =
          client
              .request(HttpMethod.POST, RestAssured.port, "localhost", "/api/v1/echo")
              .compose(
                  request ->
                      request
                          .putHeader("X-Zo-Internal-Secret", "test-internal-secret")
                          .putHeader("X-Zo-User", "u1")
                          .putHeader("Content-Type", "application/json")
                          .send(Buffer.buffer(body)))
              .compose(
                  response -> response.body().map(data -> Map.entry(response, data.toString())))
              .toCompletionStage()
              .toCompletableFuture()
              .get(60, TimeUnit.SECONDS);
      HttpClientResponse response = answer.getKey();
      String text = answer.getValue();

      assertThat(response.version()).isEqualTo(HttpVersion.HTTP_2);
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
      assertThat(text).contains("payload-too-large");
    } finally {
      client.close();
    }
  }
}
