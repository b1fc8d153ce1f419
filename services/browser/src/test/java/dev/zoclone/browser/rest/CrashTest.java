package dev.zoclone.browser.rest;

import static dev.zoclone.browser.Browsers.as;
import static dev.zoclone.browser.Browsers.content;
import static dev.zoclone.browser.Browsers.navigate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.zoclone.browser.Browsers;
import dev.zoclone.browser.TestPages;
import dev.zoclone.testing.infra.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Chromium processes started by this test JVM are killed: the browsers (all workers) and the
 * renderers. {@code chrome://crash} is refused by the URL policy, so a renderer crash is made by
 * killing the renderer processes, which Chromium reports exactly as a crashed page.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class CrashTest {
  private final TestPages pages = TestPages.get();

  @Test
  void aKilledChromiumIsRelaunchedAndItsSessionsAreLost() {
    String user = Browsers.newUser();
    String named =
        as(user)
            .body(Map.of("name", "crashy"))
            .post("/api/v1/browser/sessions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    navigate(user, named, pages.url("/cookie"));
    Browsers.close(user, named);
    named =
        as(user)
            .body(Map.of("name", "crashy"))
            .post("/api/v1/browser/sessions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String anonymous = Browsers.open(user);
    navigate(user, anonymous, pages.url("/hello"));

    List<ProcessHandle> browsers = chromium(false);
    assertThat(browsers).isNotEmpty();
    browsers.forEach(ProcessHandle::destroyForcibly);

    String lostId = anonymous;
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                Browsers.op(user, lostId, "navigate", Map.of("url", pages.url("/hello")))
                    .statusCode(410)
                    .body("type", containsString("session-lost")));
    Browsers.op(user, named, "content", Map.of())
        .statusCode(410)
        .body("detail", containsString("crashy"));
    as(user)
        .get("/api/v1/browser/sessions/" + named)
        .then()
        .statusCode(200)
        .body("lost", org.hamcrest.Matchers.equalTo(true));
    Browsers.close(user, anonymous);
    Browsers.close(user, named);

    String reopened =
        as(user)
            .body(Map.of("name", "crashy"))
            .post("/api/v1/browser/sessions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    navigate(user, reopened, pages.url("/hello"));
    Browsers.op(user, reopened, "evaluate", Map.of("expression", "document.cookie"))
        .statusCode(200)
        .body("value", org.hamcrest.Matchers.equalTo("zo_session=cookie-value-42"));
    Browsers.close(user, reopened);
  }

  @Test
  void aPageWhoseRendererCrashesLosesItsSession() {
    String user = Browsers.newUser();
    String id = Browsers.open(user);
    navigate(user, id, pages.url("/hello"));
    assertThat(content(user, id, "text")).contains("Hello");

    List<ProcessHandle> renderers = chromium(true);
    assertThat(renderers).isNotEmpty();
    renderers.forEach(ProcessHandle::destroyForcibly);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                Browsers.op(user, id, "content", Map.of())
                    .statusCode(410)
                    .body("detail", containsString("crashed")));
    Browsers.close(user, id);
    String fresh = Browsers.open(user);
    navigate(user, fresh, pages.url("/hello"));
    Browsers.close(user, fresh);
  }

  /** Chromium processes under this JVM: renderers, or the browsers themselves. */
  private static List<ProcessHandle> chromium(boolean renderers) {
    return ProcessHandle.current()
        .descendants()
        .filter(
            p -> {
              String cmdline = cmdline(p.pid());
              boolean isChromium = cmdline.contains("chromium");
              boolean isRenderer = cmdline.contains("--type=renderer");
              boolean isBrowser = !cmdline.contains("--type=");
              return isChromium && (renderers ? isRenderer : isBrowser);
            })
        .toList();
  }

  private static String cmdline(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")))
          .replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }
}
