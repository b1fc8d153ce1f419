package dev.zoclone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals to the real {@code zo} process: Ctrl-C (SIGINT) exits 130, as shells expect; SIGTERM
 * stops {@code zo node} by draining; neither prints a stack trace.
 */
class InterruptTest {
  @TempDir Path home;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();
  private Process zo;
  private Path out;
  private Path err;

  @AfterEach
  void stop() {
    if (zo != null && zo.isAlive()) {
      zo.destroyForcibly();
    }
  }

  @Test
  void ctrlCDuringAWatchExits130WithoutAStackTrace() throws Exception {
    gateway.answerJson(
        "GET",
        "/api/v1/nodes",
        200,
        "{\"nodes\":[{\"id\":\"n1\",\"name\":\"box\",\"status\":\"ONLINE\",\"slots\":1}]}");
    zo = start("nodes", "ls", "--watch");
    // watching: it has polled twice, so it sits in the loop as a user would see it
    await().atMost(Duration.ofSeconds(60)).until(() -> gateway.requests().size() >= 2);
    assertThat(zo.isAlive()).isTrue();

    signal("-INT");

    assertThat(zo.waitFor(60, TimeUnit.SECONDS)).as("zo ends on Ctrl-C").isTrue();
    String errText = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(zo.exitValue()).as(errText).isEqualTo(130);
    assertThat(errText).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).startsWith("ID  NAME  STATUS");
  }

  @Test
  void sigtermOnANodeSaysItDrainsThenStoppedWithoutAHeartbeatError() throws Exception {
    gateway.answerJson(
        "POST",
        "/api/v1/nodes",
        201,
        "{\"node_id\":\"n1\",\"heartbeat_interval_ms\":500,\"lease_ttl_ms\":30000}");
    gateway.answerJson("POST", "/api/v1/nodes/n1/heartbeat", 200, "{\"cancel\":[]}");
    gateway.answerJson(
        "POST", "/api/v1/nodes/n1/lease", 200, "{\"jobs\":[],\"completed\":[],\"stale\":[]}");
    zo = start("node", "--name", "box", "--slots", "1");
    // running: registered, leasing and sending heartbeats
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                gateway.requests().stream()
                    .anyMatch(r -> r.path().equals("/api/v1/nodes/n1/heartbeat")));

    signal("-TERM");

    assertThat(zo.waitFor(90, TimeUnit.SECONDS)).as("zo node stops on SIGTERM").isTrue();
    String outText = Files.readString(out, StandardCharsets.UTF_8);
    String errText = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(outText)
        .as(errText)
        .contains("draining: 0 jobs running, grace 30 s\n")
        .endsWith("stopped\n");
    assertThat(outText.indexOf("draining")).isLessThan(outText.lastIndexOf("stopped"));
    assertThat(outText + errText)
        .doesNotContainIgnoringCase("heartbeat failed")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  /** Starts {@code zo args} as its own process against the fake gateway. */
  private Process start(String... args) throws IOException {
    out = home.resolve("out.txt");
    err = home.resolve("err.txt");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ZoCli.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("ZO_URL", gateway.url());
    builder.environment().put("ZO_TOKEN", "t0k");
    builder.environment().put("ZO_HOME", home.resolve("zo").toString());
    builder.environment().put("HOME", home.toString());
    builder.environment().remove("ZO_PROFILE");
    return builder.start();
  }

  private void signal(String signal) throws Exception {
    // the shell's own kill, so no procps package is needed
    Process kill = new ProcessBuilder("sh", "-c", "kill " + signal + " " + zo.pid()).start();
    assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }
}
