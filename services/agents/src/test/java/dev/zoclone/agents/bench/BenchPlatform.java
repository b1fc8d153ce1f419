package dev.zoclone.agents.bench;

import dev.zoclone.testing.infra.LocalInfra;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged gateway, agents and memory started as child processes on free ports against a
 * throwaway database, for the benchmark (services never import each other, so this is a small copy
 * of the e2e module's launcher). Closing stops each process by its PID.
 */
final class BenchPlatform implements AutoCloseable {
  private static final List<String> SERVICES = List.of("gateway", "agents", "memory");

  private final Map<String, Process> processes = new LinkedHashMap<>();
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final Path home;
  private final String database;

  private BenchPlatform(Path home, String database) {
    this.home = home;
    this.database = database;
  }

  static BenchPlatform start(String javaOptions) throws Exception {
    Path root = LocalInfra.repoRoot();
    BenchPlatform platform =
        new BenchPlatform(Files.createTempDirectory("zo-bench-home"), LocalInfra.createDatabase());
    byte[] secret = new byte[32];
    byte[] master = new byte[32];
    new SecureRandom().nextBytes(secret);
    new SecureRandom().nextBytes(master);
    for (String name : SERVICES) {
      platform.ports.put(name, freePort());
    }
    try {
      for (String name : SERVICES) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(javaOptions.split("\\s+")));
        command.add("-jar");
        command.add(
            root.resolve("services/" + name + "/target/quarkus-app/quarkus-run.jar").toString());
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(platform.home.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("ZO_HOME", platform.home.toString());
        env.put("ZO_DB_URL", platform.database);
        env.put("ZO_DB_USER", LocalInfra.DB_USER);
        env.put("ZO_DB_PASSWORD", LocalInfra.DB_PASSWORD);
        env.put("ZO_KAFKA_BOOTSTRAP", LocalInfra.KAFKA_BOOTSTRAP);
        env.put("ZO_INTERNAL_SECRET", HexFormat.of().formatHex(secret));
        env.put("ZO_MASTER_KEY", Base64.getEncoder().encodeToString(master));
        env.put("ZO_MEMORY_URL", platform.url("memory"));
        env.put("ZO_GATEWAY_SERVICES_AGENTS_URL", platform.url("agents"));
        env.put("ZO_GATEWAY_SERVICES_MEMORY_URL", platform.url("memory"));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(platform.ports.get(name)));
        // Consumer groups of this run alone, from the newest record: the broker is shared, and a
        // shared group would hand this run's events to another process (or this run another's
        // backlog).
        String run = platform.home.getFileName().toString();
        String channel =
            switch (name) {
              case "memory" -> "MEMORY_INGEST";
              case "agents" -> "AGENT_REQUESTS";
              default -> null;
            };
        if (channel != null) {
          env.put("MP_MESSAGING_INCOMING_" + channel + "_GROUP_ID", name + "-" + run);
          env.put("MP_MESSAGING_INCOMING_" + channel + "_AUTO_OFFSET_RESET", "latest");
        }
        platform.processes.put(name, builder.start());
      }
      for (String name : SERVICES) {
        platform.awaitReady(name, Duration.ofMinutes(3));
      }
      return platform;
    } catch (Exception e) {
      platform.close();
      throw e;
    }
  }

  String url(String service) {
    return "http://127.0.0.1:" + ports.get(service);
  }

  long pid(String service) {
    return processes.get(service).pid();
  }

  /** CPU time each service process and this benchmark's own process have used so far. */
  Map<String, Duration> cpu() {
    Map<String, Duration> used = new LinkedHashMap<>();
    processes.forEach(
        (name, process) -> used.put(name, process.info().totalCpuDuration().orElse(Duration.ZERO)));
    used.put(
        "benchmark client and fake model",
        ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
    return used;
  }

  String adminToken() throws IOException {
    return Files.readString(home.resolve("admin-token"), StandardCharsets.UTF_8).strip();
  }

  private void awaitReady(String name, Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!processes.get(name).isAlive()) {
        throw new IllegalStateException(name + " exited; see " + home.resolve(name + ".log"));
      }
      try {
        HttpResponse<String> ready =
            http.send(
                HttpRequest.newBuilder(URI.create(url(name) + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(name + " not ready; see " + home.resolve(name + ".log"));
  }

  @Override
  public void close() {
    for (Process process : processes.values()) {
      ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
    }
    for (Process process : processes.values()) {
      try {
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      LocalInfra.dropDatabase(database);
    } catch (RuntimeException e) {
      System.err.println("could not drop " + database + ": " + e.getMessage());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
