package dev.zoclone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zoclone.cli.Zo.Run;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --watch} on {@code schedule runs} and {@code nodes ls}: each change printed once, polled
 * until the watch is stopped (here by interrupting it; {@link InterruptTest} stops the real process
 * with Ctrl-C).
 */
class WatchTest {
  private static final String NODE_ONLINE =
      "{\"nodes\":[{\"id\":\"n1\",\"name\":\"box\",\"status\":\"ONLINE\",\"slots\":2,"
          + "\"active_jobs\":0}]}";
  private static final String NODE_BUSY =
      "{\"nodes\":[{\"id\":\"n1\",\"name\":\"box\",\"status\":\"ONLINE\",\"slots\":2,"
          + "\"active_jobs\":1}]}";

  @TempDir Path home;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();

  @Test
  void nodesLsWatchPrintsTheListAgainOnlyWhenItChanges() throws Exception {
    gateway.answerJson("GET", "/api/v1/nodes", 200, NODE_ONLINE);
    Watching watching = watch("nodes", "ls", "--watch");
    await().atMost(Duration.ofSeconds(30)).until(() -> gateway.requests().size() >= 3);
    gateway.answerJson("GET", "/api/v1/nodes", 200, NODE_BUSY);
    int seen = gateway.requests().size();
    await().atMost(Duration.ofSeconds(30)).until(() -> gateway.requests().size() >= seen + 2);

    Run run = watching.stop();

    assertThat(run.out())
        .isEqualTo(
            """
            ID  NAME  STATUS  SLOTS  ACTIVE  LAST SEEN  AGE
            n1  box   ONLINE  2      0       -          -

            ID  NAME  STATUS  SLOTS  ACTIVE  LAST SEEN  AGE
            n1  box   ONLINE  2      1       -          -
            """);
  }

  @Test
  void scheduleRunsWatchShowsNewRunsUnderTheIdAPrefixNamed() throws Exception {
    gateway.answerJson(
        "GET", "/api/v1/automations", 200, "{\"automations\":[{\"id\":\"a1-long\"}]}");
    gateway.answerJson(
        "GET",
        "/api/v1/automations/a1-long/runs",
        200,
        "{\"runs\":[{\"id\":\"r1\",\"status\":\"SUCCEEDED\",\"attempts\":0}]}");
    Watching watching = watch("schedule", "runs", "a1", "-w", "-o", "json");
    await().atMost(Duration.ofSeconds(30)).until(() -> runsPolls() >= 2);
    gateway.answerJson(
        "GET",
        "/api/v1/automations/a1-long/runs",
        200,
        "{\"runs\":[{\"id\":\"r2\",\"status\":\"FIRED\",\"attempts\":0},"
            + "{\"id\":\"r1\",\"status\":\"SUCCEEDED\",\"attempts\":0}]}");
    long seen = runsPolls();
    await().atMost(Duration.ofSeconds(30)).until(() -> runsPolls() >= seen + 1);

    Run run = watching.stop();

    assertThat(run.out())
        .isEqualTo(
            "{\"runs\":[{\"id\":\"r1\",\"status\":\"SUCCEEDED\",\"attempts\":0}]}\n\n"
                + "{\"runs\":[{\"id\":\"r2\",\"status\":\"FIRED\",\"attempts\":0},"
                + "{\"id\":\"r1\",\"status\":\"SUCCEEDED\",\"attempts\":0}]}\n");
  }

  private long runsPolls() {
    return gateway.requests().stream()
        .filter(r -> r.path().equals("/api/v1/automations/a1-long/runs"))
        .count();
  }

  private Watching watch(String... args) {
    AtomicReference<Run> result = new AtomicReference<>();
    Thread thread = new Thread(() -> result.set(Zo.against(gateway, home, args)));
    thread.start();
    return new Watching(thread, result);
  }

  /** A watch running on its own thread until {@link #stop()} interrupts it. */
  private record Watching(Thread thread, AtomicReference<Run> result) {
    Run stop() throws InterruptedException {
      assertThat(thread.isAlive()).as("a watch that never ends is still running").isTrue();
      thread.interrupt();
      thread.join(Duration.ofSeconds(30).toMillis());
      assertThat(thread.isAlive()).isFalse();
      return result.get();
    }
  }
}
