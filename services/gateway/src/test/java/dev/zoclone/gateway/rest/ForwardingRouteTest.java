package dev.zoclone.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.zoclone.gateway.FakeServices;
import dev.zoclone.gateway.GatewayTestProfile;
import dev.zoclone.gateway.TestCallers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class ForwardingRouteTest {
  /** zo.gateway.max-request-bytes in the test profile. */
  private static final int LIMIT = 1024;

  @TestHTTPResource("/")
  URI gateway;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void theServiceSeesTheRequestAsSentButWithTheGatewaysIdentityHeaders() {
    JsonPath caller = TestCallers.newUser("forwarded");

    JsonPath seen =
        given()
            .urlEncodingEnabled(false)
            .auth()
            .oauth2(caller.getString("token"))
            .header("X-Zo-User", "mallory")
            .header("X-Zo-Internal-Secret", "a-guess")
            .header("X-Zo-Admin", "true")
            .header("X-Request-Note", "kept")
            .contentType("application/json")
            .body("{\"prompt\":\"hello\"}")
            .when()
            .post("/api/v1/agents/run-1/messages?limit=5&cursor=a%20b")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(seen.getString("method")).isEqualTo("POST");
    assertThat(seen.getString("path")).isEqualTo("/api/v1/agents/run-1/messages");
    assertThat(seen.getString("query")).isEqualTo("limit=5&cursor=a%20b");
    assertThat(seen.getString("body")).isEqualTo("{\"prompt\":\"hello\"}");
    Map<String, String> headers = seen.getMap("headers");
    assertThat(headers)
        .containsEntry("x-zo-user", caller.getString("id"))
        .containsEntry("x-zo-internal-secret", "test-internal-secret")
        .containsEntry("x-request-note", "kept")
        .doesNotContainKey("authorization")
        .doesNotContainKey("x-zo-admin");
  }

  @Test
  void anAdminsRequestTellsTheServiceItIsFromAnAdmin() {
    Map<String, String> headers =
        given()
            .auth()
            .oauth2(TestCallers.adminToken())
            .when()
            .get("/api/v1/agents/whoever")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("headers");

    assertThat(headers).containsEntry("x-zo-admin", "true");
  }

  @Test
  void everyRoutedPrefixReachesItsService() {
    String token = TestCallers.adminToken();
    for (String path : List.of("/zo/ask", "/v1/chat/completions", "/api/v1/models")) {
      given().auth().oauth2(token).when().get(path).then().statusCode(200).body("path", is(path));
    }
  }

  @Test
  void pathsThatOnlyLookLikeARoutedPrefixStayWithTheGateway() {
    given()
        .auth()
        .oauth2(TestCallers.adminToken())
        .when()
        .get("/api/v1/asking")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/not-found"));
  }

  @Test
  void serverSentEventsReachTheClientOneByOne() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(gateway.resolve(FakeServices.EVENTS_PATH))
            .header("Authorization", "Bearer " + TestCallers.adminToken())
            .header("Accept", "text/event-stream")
            .build();
    List<Long> arrivals = new ArrayList<>();
    List<String> events = new ArrayList<>();

    HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
    try (Stream<String> lines = response.body()) {
      lines
          .filter(line -> line.startsWith("data:"))
          .forEach(
              line -> {
                arrivals.add(System.nanoTime());
                events.add(line);
              });
    }

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
    assertThat(events).containsExactly("data: first", "data: second");
    // Buffered, both would arrive together; streamed, the first comes a whole gap earlier.
    assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0)))
        .isGreaterThan(Duration.ofMillis(FakeServices.EVENT_GAP_MILLIS / 2));
  }

  @Test
  void aClientHangingUpOnAStreamClosesTheServicesConnection() throws Exception {
    hangUpAfterTheFirstEvent(http, FakeServices.TICKING, FakeServices.TICKS_PATH);

    // HTTP/1.1 even to a service offering h2c: the closed connection is the stream's alone.
    assertThat(seen(FakeServices.TICKING, "/version")).isEqualTo("HTTP_1_1");
  }

  @Test
  void aClientOfferingHttp2HangingUpOnAStreamResetsTheServicesStream() throws Exception {
    // The JDK client's default: it offers h2c on the first request of a connection.
    hangUpAfterTheFirstEvent(
        HttpClient.newHttpClient(), FakeServices.TICKING, FakeServices.TICKS_PATH);
  }

  /** POSTs to a ticking service's stream, reads up to its first event, then closes it. */
  private void hangUpAfterTheFirstEvent(HttpClient client, String service, String path)
      throws Exception {
    int before = Integer.parseInt(seen(service, "/disconnects"));
    HttpRequest request =
        HttpRequest.newBuilder(gateway.resolve(path))
            .header("Authorization", "Bearer " + TestCallers.adminToken())
            .header("Accept", "text/event-stream")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"input\":\"hi\",\"stream\":true}"))
            .build();
    HttpResponse<InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    try (BufferedReader events =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = events.readLine()) != null && !line.equals("data: 1")) {
        // Up to the first event.
      }
      assertThat(line).as("the first event came through the gateway").isNotNull();
    }
    long hungUpAt = System.nanoTime();

    // The service streams for 10 s; it must learn of the hang-up long before that.
    while (Integer.parseInt(seen(service, "/disconnects")) == before
        && System.nanoTime() - hungUpAt < Duration.ofSeconds(3).toNanos()) {
      Thread.sleep(20);
    }

    assertThat(Integer.parseInt(seen(service, "/disconnects")))
        .as("the service saw its client (the gateway) hang up")
        .isEqualTo(before + 1);
  }

  /** What a ticking service answers at {@code path}, asked directly. */
  private String seen(String service, String path) throws IOException, InterruptedException {
    URI url = URI.create(FakeServices.serviceUrl(service) + path);
    return http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString())
        .body()
        .trim();
  }

  @Test
  void aBodyDeclaredOverTheLimitIsRefusedWith413() {
    for (String path : List.of("/api/v1/agents", "/api/v1/users")) {
      given()
          .auth()
          .oauth2(TestCallers.adminToken())
          .contentType("application/json")
          .body("x".repeat(LIMIT + 1))
          .when()
          .post(path)
          .then()
          .statusCode(413)
          .contentType("application/problem+json")
          .body("type", is("https://zoclone.dev/problems/payload-too-large"));
    }
  }

  @Test
  void aStreamedBodyOverTheLimitIsRefusedWith413() throws IOException, InterruptedException {
    HttpResponse<String> response = postChunked("/api/v1/agents/upload", LIMIT * 3);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(response.body()).contains("payload-too-large");
  }

  @Test
  void aStreamedBodyWithinTheLimitIsForwardedWhole() throws IOException, InterruptedException {
    HttpResponse<String> response = postChunked("/api/v1/agents/upload", LIMIT);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonPath(response.body()).getString("body")).hasSize(LIMIT);
  }

  @Test
  void aServiceSlowerThanTheTimeoutIs504() {
    long started = System.nanoTime();

    given()
        .auth()
        .oauth2(TestCallers.adminToken())
        .when()
        .get("/api/v1/skills")
        .then()
        .statusCode(504)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/upstream-timeout"));

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isLessThan(Duration.ofMillis(FakeServices.SLOW_MILLIS));
  }

  @Test
  void anUnreachableServiceIs502() {
    given()
        .auth()
        .oauth2(TestCallers.adminToken())
        .when()
        .get("/api/v1/memories/m-1")
        .then()
        .statusCode(502)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/upstream-unavailable"))
        .body("instance", is("/api/v1/memories/m-1"));
  }

  /** POSTs {@code size} bytes without a Content-Length, so they go chunked. */
  private HttpResponse<String> postChunked(String path, int size)
      throws IOException, InterruptedException {
    byte[] body = "y".repeat(size).getBytes();
    HttpRequest request =
        HttpRequest.newBuilder(gateway.resolve(path))
            .header("Authorization", "Bearer " + TestCallers.adminToken())
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
