package dev.zoclone.browser.rest;

import static dev.zoclone.browser.Browsers.navigate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.zoclone.browser.Browsers;
import dev.zoclone.browser.TestPages;
import dev.zoclone.browser.service.BrowserSession;
import dev.zoclone.browser.service.BrowserWorker;
import dev.zoclone.browser.service.BrowserWorkers;
import dev.zoclone.browser.service.SessionRegistry;
import dev.zoclone.testing.infra.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A worker whose Playwright call never returns: its Chromium is stopped with SIGSTOP, so the
 * watchdog's CDP round trip gets no answer (a real hang). The worker must be replaced, its Chromium
 * killed, its sessions answer 410, and the other worker and new sessions keep working.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class WedgedWorkerTest {
  private final TestPages pages = TestPages.get();

  @Inject SessionRegistry registry;
  @Inject BrowserWorkers workers;

  @Test
  void aWorkerWhoseChromiumNeverAnswersIsReplacedAndOnlyItsSessionsAreLost() throws Exception {
    String user = Browsers.newUser();
    String wedgedId = Browsers.open(user);
    navigate(user, wedgedId, pages.url("/hello"));
    BrowserWorker wedged = worker(user, wedgedId);
    String otherUser = Browsers.newUser();
    String otherId = null;
    for (int i = 0; i < 4 && otherId == null; i++) {
      String id = Browsers.open(otherUser);
      if (worker(otherUser, id) != wedged) {
        otherId = id;
      }
    }
    assertThat(otherId).as("a session on another worker").isNotNull();
    long chromium = wedged.browserPid().orElseThrow();

    signal("STOP", chromium);
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> !workers.all().contains(wedged) && !alive(chromium));
    } finally {
      if (alive(chromium)) {
        signal("CONT", chromium);
      }
    }

    Browsers.op(user, wedgedId, "navigate", Map.of("url", pages.url("/hello")))
        .statusCode(410)
        .contentType(containsString("problem+json"))
        .body("type", containsString("session-lost"))
        .body("detail", containsString("stopped answering"));
    Browsers.as(user)
        .get("/api/v1/browser/sessions/" + wedgedId)
        .then()
        .statusCode(200)
        .body("lost", equalTo(true));
    navigate(otherUser, otherId, pages.url("/hello"));
    assertThat(Browsers.content(otherUser, otherId, "text")).contains("Hello");

    Browsers.close(user, wedgedId);
    String fresh = Browsers.open(user);
    navigate(user, fresh, pages.url("/hello"));
    assertThat(Browsers.content(user, fresh, "text")).contains("Hello");
    Browsers.close(user, fresh);
    for (BrowserSession session : registry.list(otherUser)) {
      Browsers.close(otherUser, session.id());
    }
  }

  private BrowserWorker worker(String user, String id) {
    return registry.find(user, id).orElseThrow().worker();
  }

  private static void signal(String signal, long pid) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
    assertThat(kill.waitFor()).isZero();
  }

  /** Whether the process runs (stopped counts); a zombie waiting to be reaped does not. */
  private static boolean alive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException gone) {
      return false;
    }
  }
}
