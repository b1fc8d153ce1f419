package dev.zoclone.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxRunnerTest {
  private static final int CAP = 1024 * 1024;

  @TempDir Path temp;
  private Path work;
  private final SandboxRunner runner = new SandboxRunner(CAP);

  @BeforeAll
  static void sandboxRunsHere() {
    SandboxStatus status = Sandbox.probe();
    assertThat(status.available()).as(status.reason()).isTrue();
  }

  @BeforeEach
  void workdir() throws IOException {
    work = Files.createDirectories(temp.resolve("work"));
    Sandbox.grantWrite(work);
  }

  private SandboxResult sh(String script, byte[] stdin) throws IOException {
    return runner.run(
        SandboxSpec.script(
            work, List.of("/usr/bin/bash", "-c", script), SandboxLimits.scriptDefaults()),
        stdin);
  }

  private SandboxResult sh(String script) throws IOException {
    return sh(script, new byte[0]);
  }

  @Test
  void passesInputAndReturnsOutputAndExitCode() throws IOException {
    SandboxResult result =
        sh("tr a-z A-Z; echo oops >&2; exit 3", "hello".getBytes(StandardCharsets.UTF_8));

    assertThat(result.stdout()).isEqualTo("HELLO");
    assertThat(result.stderr()).isEqualTo("oops\n");
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.timedOut()).isFalse();
  }

  @Test
  void environmentHoldsOnlyPathLangHomeAndWhatTheSpecGives() throws IOException {
    SandboxSpec spec =
        SandboxSpec.script(work, List.of("/usr/bin/env"), SandboxLimits.scriptDefaults())
            .withEnv(Map.of("PORT", "4000"));

    SandboxResult result = runner.run(spec, new byte[0]);

    assertThat(result.stdout().lines().map(line -> line.substring(0, line.indexOf('='))))
        .containsExactlyInAnyOrder("PATH", "LANG", "HOME", "PWD", "PORT");
    assertThat(result.stdout()).contains("HOME=/work", "PORT=4000");
  }

  @Test
  void workdirIsWritableAndKeptWhileTheSystemIsReadOnly() throws IOException {
    SandboxResult result =
        sh("pwd; echo kept > note.txt; touch /usr/x 2>&1; touch /etc/x 2>&1; echo t > /tmp/t");

    assertThat(result.stdout()).startsWith("/work\n").contains("Read-only file system");
    assertThat(work.resolve("note.txt")).hasContent("kept");
  }

  @Test
  void hostFilesOutsideTheSandboxAreNotVisible() throws IOException {
    Path secret = Files.writeString(temp.resolve("secret.txt"), "s3cret");

    SandboxResult result =
        sh("cat " + secret + " 2>&1; ls /root 2>&1; cat /proc/1/environ | tr '\\0' '\\n'");

    assertThat(result.stdout()).doesNotContain("s3cret").contains("No such file or directory");
    assertThat(result.stdout()).doesNotContain("ZO_", "JAVA_HOME");
  }

  @Test
  void wallTimeKillsTheWholeTree() throws IOException {
    SandboxSpec spec =
        SandboxSpec.script(
            work,
            List.of("/usr/bin/bash", "-c", "(sleep 600 &); sleep 600"),
            SandboxLimits.scriptDefaults().withWallTime(Duration.ofMillis(500)));

    SandboxResult result = runner.run(spec, new byte[0]);

    assertThat(result.timedOut()).isTrue();
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.durationMs()).isLessThan(10_000);
    assertThat(sleepersOf()).as("no sleep 600 survives").isZero();
  }

  private static long sleepersOf() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains("sleep 600"))
        .count();
  }

  @Test
  void forkBombIsStoppedByTheProcessLimit() throws IOException {
    SandboxSpec spec =
        SandboxSpec.script(
            work,
            List.of("/usr/bin/bash", "-c", "bomb() { bomb | bomb & }; bomb; sleep 2; echo alive"),
            SandboxLimits.scriptDefaults()
                .withMaxProcesses(32)
                .withWallTime(Duration.ofSeconds(20)));

    SandboxResult result = runner.run(spec, new byte[0]);

    assertThat(result.stderr()).contains("Resource temporarily unavailable");
    assertThat(result.timedOut()).isFalse();
  }

  @Test
  void largeAllocationFails() throws IOException {
    SandboxSpec spec =
        SandboxSpec.script(
            work,
            List.of("/usr/bin/python3", "-c", "b = bytearray(4 * 1024**3); print('allocated')"),
            SandboxLimits.scriptDefaults());

    SandboxResult result = runner.run(spec, new byte[0]);

    assertThat(result.stdout()).doesNotContain("allocated");
    assertThat(result.stderr()).contains("MemoryError");
    assertThat(result.exitCode()).isNotZero();
  }

  @Test
  void outputBeyondTheCapIsDroppedAndFlagged() throws IOException {
    SandboxResult result = sh("head -c 50000000 /dev/zero | tr '\\0' x; echo done >&2");

    assertThat(result.stdout()).hasSize(CAP);
    assertThat(result.stdoutTruncated()).isTrue();
    assertThat(result.stderr()).isEqualTo("done\n");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void noNetworkUnlessAsked() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String connect =
          "import socket; socket.create_connection(('127.0.0.1', %d), 3); print('connected')"
              .formatted(server.getLocalPort());
      SandboxSpec closed =
          SandboxSpec.script(
              work, List.of("/usr/bin/python3", "-c", connect), SandboxLimits.scriptDefaults());

      SandboxResult refused = runner.run(closed, new byte[0]);
      SandboxResult allowed = runner.run(closed.withNetwork(true), new byte[0]);

      // the sandbox's own network namespace has only its own loopback: the host's port is not there
      assertThat(refused.stdout()).doesNotContain("connected");
      assertThat(refused.stderr()).contains("Connection refused");
      assertThat(allowed.stdout()).isEqualTo("connected\n");
    }
  }

  @Test
  void noRouteOutOfTheSandboxWithoutNetwork() throws IOException {
    String connect =
        "import socket; socket.create_connection(('192.0.2.1', 80), 3); print('connected')";

    SandboxResult result =
        runner.run(
            SandboxSpec.script(
                work, List.of("/usr/bin/python3", "-c", connect), SandboxLimits.scriptDefaults()),
            new byte[0]);

    assertThat(result.stderr()).contains("Network is unreachable");
  }

  @Test
  void exitingBeforeReadingALargeInputIsNotAnError() throws IOException {
    byte[] input = new byte[8 * 1024 * 1024];

    SandboxResult early = sh("echo bye", input);
    SandboxResult neverReads = sh("sleep 0.2; echo slept", input);

    assertThat(early.stdout()).isEqualTo("bye\n");
    assertThat(early.exitCode()).isZero();
    assertThat(neverReads.stdout()).isEqualTo("slept\n");
  }

  @Test
  void aSignalShowsAsOneHundredTwentyEightPlusIt() throws IOException {
    assertThat(sh("kill -9 $$").exitCode()).isEqualTo(137);
  }
}
