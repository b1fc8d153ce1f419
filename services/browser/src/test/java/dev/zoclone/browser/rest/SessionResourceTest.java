package dev.zoclone.browser.rest;

import static dev.zoclone.browser.Browsers.as;
import static dev.zoclone.browser.Browsers.navigate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.zoclone.browser.Browsers;
import dev.zoclone.browser.TestPages;
import dev.zoclone.testing.infra.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class SessionResourceTest {
  private final TestPages pages = TestPages.get();

  @Test
  void opensListsAndClosesTheCallersSessions() {
    String user = Browsers.newUser();
    String id =
        as(user)
            .body(
                Map.of(
                    "viewport",
                    Map.of("width", 800, "height", 600),
                    "locale",
                    "fr-FR",
                    "timezone",
                    "Europe/Paris"))
            .post("/api/v1/browser/sessions")
            .then()
            .statusCode(201)
            .body("lost", equalTo(false))
            .extract()
            .path("id");
    navigate(user, id, pages.url("/hello"));
    Browsers.op(user, id, "evaluate", Map.of("expression", "[innerWidth, navigator.language]"))
        .statusCode(200)
        .body("value", equalTo(List.of(800, "fr-FR")));

    as(user)
        .get("/api/v1/browser/sessions")
        .then()
        .statusCode(200)
        .body("sessions.id", equalTo(List.of(id)));
    as(user)
        .get("/api/v1/browser/sessions/" + id)
        .then()
        .statusCode(200)
        .body("url", equalTo(pages.url("/hello")));

    String stranger = Browsers.newUser();
    as(stranger).get("/api/v1/browser/sessions/" + id).then().statusCode(404);
    Browsers.op(stranger, id, "navigate", Map.of("url", pages.url("/hello"))).statusCode(404);
    as(stranger).delete("/api/v1/browser/sessions/" + id).then().statusCode(404);
    as(stranger).get("/api/v1/browser/sessions").then().body("sessions", equalTo(List.of()));

    Browsers.close(user, id);
    as(user).get("/api/v1/browser/sessions").then().body("sessions", equalTo(List.of()));
    Browsers.op(user, id, "navigate", Map.of("url", pages.url("/hello"))).statusCode(404);
  }

  @Test
  void beyondTheLimitOfSessionsPerUserIs429NamingIt() {
    String user = Browsers.newUser();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(Browsers.open(user));
    }
    as(user)
        .body("{}")
        .post("/api/v1/browser/sessions")
        .then()
        .statusCode(429)
        .header("Retry-After", "5")
        .body("type", containsString("max-sessions-per-user"))
        .body("title", containsString("max-sessions-per-user"));
    ids.forEach(id -> Browsers.close(user, id));
    Browsers.close(user, Browsers.open(user));
  }

  @Test
  void badOptionsAre400NamingTheField() {
    String user = Browsers.newUser();
    as(user)
        .body(Map.of("viewport", Map.of("width", 5, "height", 600)))
        .post("/api/v1/browser/sessions")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("viewport.width"));
    as(user)
        .body(Map.of("timezone", "Mars/Olympus"))
        .post("/api/v1/browser/sessions")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("timezone"));
    as(user)
        .body(Map.of("name", "../etc"))
        .post("/api/v1/browser/sessions")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("name"));
    String id = Browsers.open(user);
    Browsers.op(user, id, "navigate", Map.of())
        .statusCode(400)
        .body("errors[0].field", equalTo("url"));
    Browsers.op(user, id, "navigate", Map.of("url", pages.url("/hello"), "wait_until", "soon"))
        .statusCode(400)
        .body("errors[0].field", equalTo("wait_until"));
    Browsers.op(user, id, "content", Map.of("format", "pdf"))
        .statusCode(400)
        .body("errors[0].field", equalTo("format"));
    Browsers.close(user, id);
  }

  @Test
  void anIdleSessionIsClosed() {
    String user = Browsers.newUser();
    String id =
        as(user)
            .body(Map.of("idle_timeout_ms", 1500))
            .post("/api/v1/browser/sessions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> as(user).get("/api/v1/browser/sessions/" + id).then().statusCode(404));
    assertThat(
            as(user)
                .get("/api/v1/browser/sessions")
                .then()
                .extract()
                .jsonPath()
                .getList("sessions"))
        .isEmpty();
  }
}
