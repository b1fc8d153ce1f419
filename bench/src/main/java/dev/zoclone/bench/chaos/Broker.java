package dev.zoclone.bench.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The local Kafka broker that {@code bin/zo infra} runs: killed with SIGKILL, started again. */
final class Broker {
  private final Path repoRoot;
  private final Path pidFile;

  Broker(Path repoRoot) {
    this.repoRoot = repoRoot;
    String home =
        System.getenv().getOrDefault("ZO_HOME", System.getProperty("user.home") + "/.zoclone");
    this.pidFile = Path.of(home, "run", "kafka.pid");
  }

  void kill() throws Exception {
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    ProcessHandle broker =
        ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException("no broker at pid " + pid));
    broker.destroyForcibly();
    broker.onExit().get(30, TimeUnit.SECONDS);
  }

  void start() throws Exception {
    Process up =
        new ProcessBuilder(repoRoot.resolve("bin/zo").toString(), "infra", "up")
            .directory(repoRoot.toFile())
            .inheritIO()
            .start();
    if (!up.waitFor(5, TimeUnit.MINUTES) || up.exitValue() != 0) {
      throw new IllegalStateException("bin/zo infra up did not bring the broker back");
    }
  }
}
