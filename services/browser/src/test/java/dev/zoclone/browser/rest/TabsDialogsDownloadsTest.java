package dev.zoclone.browser.rest;

import static dev.zoclone.browser.Browsers.as;
import static dev.zoclone.browser.Browsers.content;
import static dev.zoclone.browser.Browsers.navigate;
import static dev.zoclone.browser.Browsers.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.zoclone.browser.Browsers;
import dev.zoclone.browser.TestPages;
import dev.zoclone.testing.infra.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class TabsDialogsDownloadsTest {
  private final TestPages pages = TestPages.get();
  private String user;
  private String id;

  @BeforeEach
  void open() {
    user = Browsers.newUser();
    id = Browsers.open(user);
  }

  @AfterEach
  void close() {
    as(user).delete("/api/v1/browser/sessions/" + id);
  }

  @Test
  void aPopupBecomesATabThatCanBeSelectedAndClosed() {
    navigate(user, id, pages.url("/popup"));
    op(user, id, "click", Map.of("selector", "#open")).statusCode(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                op(user, id, "tabs", Map.of())
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("tabs")
                        .size()
                    == 2);

    JsonPath tabs =
        op(user, id, "tabs", Map.of("action", "select", "index", 1))
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(tabs.getString("tabs[1].url")).isEqualTo(pages.url("/hello"));
    assertThat(tabs.getBoolean("tabs[1].active")).isTrue();
    assertThat(content(user, id, "text")).contains("Hello, browser");

    op(user, id, "tabs", Map.of("action", "close", "index", 1))
        .statusCode(200)
        .body("tabs", hasSize(1))
        .body("tabs[0].url", equalTo(pages.url("/popup")));
    op(user, id, "tabs", Map.of("action", "open", "url", pages.url("/form")))
        .statusCode(200)
        .body("tabs", hasSize(2))
        .body("tabs[1].active", equalTo(true));
    op(user, id, "tabs", Map.of("action", "select", "index", 7)).statusCode(404);
  }

  @Test
  void dialogsAreDismissedUntilTheCallerAcceptsThem() {
    navigate(user, id, pages.url("/dialog"));
    op(user, id, "click", Map.of("selector", "#ask")).statusCode(200);
    assertThat(content(user, id, "text")).contains("answer: null");

    op(user, id, "dialogs", Map.of("accept", true, "prompt_text", "Zo"))
        .statusCode(200)
        .body("dialogs[0].type", equalTo("prompt"))
        .body("dialogs[0].message", equalTo("Your name?"))
        .body("dialogs[0].accepted", equalTo(false));
    op(user, id, "click", Map.of("selector", "#ask")).statusCode(200);
    assertThat(content(user, id, "text")).contains("answer: Zo");
    op(user, id, "dialogs", Map.of()).statusCode(200).body("dialogs[0].accepted", equalTo(true));
  }

  @Test
  void downloadsAreListedFetchedAndCapped() {
    navigate(user, id, pages.url("/popup"));
    op(user, id, "click", Map.of("selector", "#download")).statusCode(200);
    op(user, id, "click", Map.of("selector", "#big")).statusCode(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                as(user)
                        .get("/api/v1/browser/sessions/" + id + "/downloads")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("downloads")
                        .size()
                    == 2);
    JsonPath downloads =
        as(user)
            .get("/api/v1/browser/sessions/" + id + "/downloads")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> all = downloads.getList("downloads");
    Map<String, Object> notes =
        all.stream().filter(d -> "notes.txt".equals(d.get("file_name"))).findFirst().orElseThrow();
    Map<String, Object> big =
        all.stream().filter(d -> "big.bin".equals(d.get("file_name"))).findFirst().orElseThrow();
    assertThat(notes.get("status")).isEqualTo("complete");
    assertThat(big.get("status")).isEqualTo("too-large");

    String body =
        as(user)
            .get("/api/v1/browser/sessions/" + id + "/downloads/" + notes.get("id"))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(body).isEqualTo("downloaded content");
    as(user)
        .get("/api/v1/browser/sessions/" + id + "/downloads/" + big.get("id"))
        .then()
        .statusCode(409);
  }

  @Test
  void consoleAndNetworkAreReportedSinceTheLastCall() {
    navigate(user, id, pages.url("/fetch-private"));
    op(user, id, "wait_for", Map.of("text", "blocked")).statusCode(200);
    JsonPath console =
        as(user)
            .get("/api/v1/browser/sessions/" + id + "/console")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(console.getList("messages.text", String.class)).contains("fetching");
    JsonPath network =
        as(user)
            .get("/api/v1/browser/sessions/" + id + "/network")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(network.getList("requests.url", String.class)).contains(pages.url("/fetch-private"));
    as(user)
        .get("/api/v1/browser/sessions/" + id + "/console")
        .then()
        .statusCode(200)
        .body("messages", hasSize(0));
  }
}
