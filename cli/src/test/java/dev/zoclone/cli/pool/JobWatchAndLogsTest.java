package dev.zoclone.cli.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zoclone.cli.FakeGateway;
import dev.zoclone.cli.Zo;
import dev.zoclone.cli.Zo.Run;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code zo jobs ls|show --watch} and {@code zo jobs logs} against a fake gateway. */
class JobWatchAndLogsTest {
  private static final String RUNNING =
      "{\"id\":\"j1\",\"kind\":\"shell\",\"status\":\"RUNNING\",\"attempts\":1,\"max_attempts\":3}";
  private static final String SUCCEEDED =
      "{\"id\":\"j1\",\"kind\":\"shell\",\"status\":\"SUCCEEDED\",\"attempts\":1,"
          + "\"max_attempts\":3,\"result\":{\"exit_code\":0,\"stdout\":\"hello\\n\","
          + "\"stderr\":\"warn\\n\"}}";

  @TempDir Path home;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();

  @Test
  void showWatchPrintsEachChangeAndEndsWhenTheJobEnds() throws Exception {
    gateway.answerJson("GET", "/api/v1/jobs/j1", 200, RUNNING);
    CompletableFuture<Run> watching =
        CompletableFuture.supplyAsync(() -> zo("jobs", "show", "j1", "--watch"));
    // two polls of the running job, then it ends
    await().atMost(Duration.ofSeconds(30)).until(() -> gateway.requests().size() >= 2);
    assertThat(watching).isNotDone();
    gateway.answerJson("GET", "/api/v1/jobs/j1", 200, SUCCEEDED);

    Run run = watching.get(60, TimeUnit.SECONDS);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsOnlyOnce("status:   RUNNING").containsOnlyOnce("SUCCEEDED");
    assertThat(run.out().indexOf("RUNNING")).isLessThan(run.out().indexOf("SUCCEEDED"));
    assertThat(run.out()).contains("stdout:\n    hello");
  }

  @Test
  void lsWatchStopsOnceEveryListedJobHasEnded() throws Exception {
    gateway.answerJson("GET", "/api/v1/jobs", 200, "{\"jobs\":[" + RUNNING + "]}");
    CompletableFuture<Run> watching =
        CompletableFuture.supplyAsync(() -> zo("jobs", "ls", "-w", "-o", "json"));
    await().atMost(Duration.ofSeconds(30)).until(() -> gateway.requests().size() >= 2);
    assertThat(watching).isNotDone();
    gateway.answerJson("GET", "/api/v1/jobs", 200, "{\"jobs\":[" + SUCCEEDED + "]}");

    Run run = watching.get(60, TimeUnit.SECONDS);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo("{\"jobs\":[" + RUNNING + "]}\n\n{\"jobs\":[" + SUCCEEDED + "]}\n");
  }

  @Test
  void logsPrintsStdoutAndStderrApart() {
    gateway.answerJson("GET", "/api/v1/jobs/j1", 200, SUCCEEDED);

    Run run = zo("jobs", "logs", "j1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("hello\n");
    assertThat(run.err()).isEqualTo("warn\n");
  }

  @Test
  void logsOfARunningJobSayWhenOutputComes() {
    gateway.answerJson("GET", "/api/v1/jobs/j1", 200, RUNNING);

    Run run = zo("jobs", "logs", "j1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "job j1 (shell, RUNNING) has no output: a shell job's output is kept when it ends;"
                + " zo jobs show -w waits for that\n");
  }

  private Run zo(String... args) {
    return Zo.against(gateway, home, args);
  }
}
