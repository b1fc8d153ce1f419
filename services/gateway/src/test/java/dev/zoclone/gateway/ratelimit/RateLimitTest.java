package dev.zoclone.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import dev.zoclone.gateway.FakeServices;
import dev.zoclone.gateway.GatewayTestProfile;
import dev.zoclone.gateway.TestCallers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class RateLimitTest {
  /** Slow enough that no token comes back while a test runs, however loaded the machine. */
  private static final double ALMOST_NEVER = 0.001;

  @TestHTTPResource("/")
  URI gateway;

  @Test
  void aTokenOverItsLimitGetsA429ProblemWithRetryAfter() {
    JsonPath user = TestCallers.newUser("limited");
    setLimits(user.getString("id"), ALMOST_NEVER, 2);
    String token = user.getString("token");

    me(token).then().statusCode(200);
    me(token).then().statusCode(200);
    Response refused = me(token);

    refused
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/rate-limited"))
        .body("status", is(429))
        .body("instance", is("/api/v1/me"));
    // One request per 1000 s: the next one is about that far away.
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(900L, 1000L);
  }

  @Test
  void forwardedRoutesAreLimitedBeforeTheServiceSeesThem() {
    JsonPath user = TestCallers.newUser("forwarded");
    setLimits(user.getString("id"), ALMOST_NEVER, 1);
    String token = user.getString("token");

    given().auth().oauth2(token).get("/api/v1/models").then().statusCode(200);
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/models")
        .then()
        .statusCode(429)
        .contentType("application/problem+json");
  }

  @Test
  void oneUsersLimitLeavesOtherUsersAlone() {
    JsonPath busy = TestCallers.newUser("busy");
    JsonPath quiet = TestCallers.newUser("quiet");
    setLimits(busy.getString("id"), ALMOST_NEVER, 1);

    me(busy.getString("token")).then().statusCode(200);
    me(busy.getString("token")).then().statusCode(429);

    for (int i = 0; i < 5; i++) {
      me(quiet.getString("token")).then().statusCode(200);
    }
  }

  @Test
  void eachTokenOfAUserHasItsOwnBucket() {
    JsonPath user = TestCallers.newUser("tokens");
    setLimits(user.getString("id"), ALMOST_NEVER, 2);
    String first = user.getString("token");

    String second =
        given()
            .auth()
            .oauth2(first)
            .contentType(ContentType.JSON)
            .body(Map.of("name", "second"))
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("token");
    me(first).then().statusCode(200);
    me(first).then().statusCode(429);

    me(second).then().statusCode(200);
    me(second).then().statusCode(200);
    me(second).then().statusCode(429);
  }

  @Test
  void aStreamedAnswerCountsOnce() throws IOException, InterruptedException {
    JsonPath user = TestCallers.newUser("streams");
    setLimits(user.getString("id"), ALMOST_NEVER, 2);
    String token = user.getString("token");
    HttpRequest request =
        HttpRequest.newBuilder(gateway.resolve(FakeServices.EVENTS_PATH))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream")
            .build();

    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
    List<String> events;
    try (Stream<String> lines = response.body()) {
      events = lines.filter(line -> line.startsWith("data:")).toList();
    }

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(events).containsExactly("data: first", "data: second");
    me(token).then().statusCode(200);
    me(token).then().statusCode(429);
  }

  @Test
  void removingAnOverrideRestoresTheDefault() {
    JsonPath user = TestCallers.newUser("restored");
    String id = user.getString("id");
    setLimits(id, ALMOST_NEVER, 1);
    me(user.getString("token")).then().statusCode(200);
    me(user.getString("token")).then().statusCode(429);

    given()
        .auth()
        .oauth2(TestCallers.adminToken())
        .delete("/api/v1/users/" + id + "/limits")
        .then()
        .statusCode(200)
        .body("source", is("default"));

    me(user.getString("token")).then().statusCode(200);
    given()
        .auth()
        .oauth2(user.getString("token"))
        .get("/api/v1/users/" + id + "/limits")
        .then()
        .statusCode(200)
        .body("source", is("default"))
        .body("requests_per_second", is(1000.0f))
        .body("burst", is(1000));
  }

  @Test
  void anAdminReadsAndSetsLimitsAndAUserOnlyReadsTheirOwn() {
    JsonPath user = TestCallers.newUser("reader");
    JsonPath other = TestCallers.newUser("other");
    String token = user.getString("token");

    setLimits(user.getString("id"), 2.5, 7);
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/users/" + user.getString("id") + "/limits")
        .then()
        .statusCode(200)
        .body("requests_per_second", is(2.5f))
        .body("burst", is(7))
        .body("source", is("user"));
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/users/" + other.getString("id") + "/limits")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("requests_per_second", 1000, "burst", 1000))
        .put("/api/v1/users/" + user.getString("id") + "/limits")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(TestCallers.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("requests_per_second", 1, "burst", 1))
        .put("/api/v1/users/no-such-user/limits")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void limitsOutOfRangeAreA400NamingTheFields() {
    JsonPath user = TestCallers.newUser("invalid");

    given()
        .auth()
        .oauth2(TestCallers.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("requests_per_second", 0, "burst", 0))
        .put("/api/v1/users/" + user.getString("id") + "/limits")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItems("requests_per_second", "burst"));
    given()
        .auth()
        .oauth2(TestCallers.adminToken())
        .contentType(ContentType.JSON)
        .body("{\"burst\":5}")
        .put("/api/v1/users/" + user.getString("id") + "/limits")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItems("requests_per_second"));
  }

  private static Response me(String token) {
    return given().auth().oauth2(token).get("/api/v1/me");
  }

  private static void setLimits(String userId, double requestsPerSecond, int burst) {
    given()
        .auth()
        .oauth2(TestCallers.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("requests_per_second", requestsPerSecond, "burst", burst))
        .put("/api/v1/users/" + userId + "/limits")
        .then()
        .statusCode(200)
        .body("source", is("user"))
        .body("burst", is(burst));
  }
}
