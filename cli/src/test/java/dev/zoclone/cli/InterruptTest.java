package dev.zoclone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT) on the real {@code zo} process: exit code 130, as shells expect, no trace. */
class InterruptTest {
  @TempDir Path home;
  private FakeGateway gateway;
  private Process zo;

  @BeforeEach
  void startGateway() throws Exception {
    gateway = FakeGateway.start();
  }

  @AfterEach
  void stop() {
    if (zo != null && zo.isAlive()) {
      zo.destroyForcibly();
    }
    gateway.close();
  }

  @Test
  void ctrlCDuringAWatchExits130WithoutAStackTrace() throws Exception {
    gateway.answerJson(
        "GET",
        "/api/v1/nodes",
        200,
        "{\"nodes\":[{\"id\":\"n1\",\"name\":\"box\",\"status\":\"ONLINE\",\"slots\":1}]}");
    Path out = home.resolve("out.txt");
    Path err = home.resolve("err.txt");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ZoCli.class.getName(),
                "nodes",
                "ls",
                "--watch")
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("ZO_URL", gateway.url());
    builder.environment().put("ZO_TOKEN", "t0k");
    builder.environment().put("ZO_HOME", home.resolve("zo").toString());
    builder.environment().put("HOME", home.toString());
    builder.environment().remove("ZO_PROFILE");
    zo = builder.start();
    // watching: it has polled twice, so it sits in the loop as a user would see it
    await().atMost(Duration.ofSeconds(60)).until(() -> gateway.requests().size() >= 2);
    assertThat(zo.isAlive()).isTrue();

    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(zo.pid())).start();
    assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();

    assertThat(zo.waitFor(60, TimeUnit.SECONDS)).as("zo ends on Ctrl-C").isTrue();
    String errText = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(zo.exitValue()).as(errText).isEqualTo(130);
    assertThat(errText).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).startsWith("ID  NAME  STATUS");
  }
}
