package dev.zoclone.pool.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.pool.OutboxEvents;
import dev.zoclone.testing.infra.LocalInfra;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The chaos run {@code PoolChaosIT} checks: shell jobs through the packaged pool service and three
 * worker processes; one worker is killed with SIGKILL mid-run and the service is killed (SIGKILL)
 * and restarted on the same database mid-run. Then it reads, in the database, whether every job
 * SUCCEEDED with exactly one accepted completion (one {@code succeeded} event per job id, written
 * in the completion's own transaction), none lost, none stuck, and how many attempts were re-run.
 * The benchmark of the same run through the gateway is bench's {@code PoolChaosBenchmark} ({@code
 * bench/run pool-chaos}).
 *
 * <p>Needs the packaged service (mvn -pl services/pool package) and the local infrastructure
 * (bin/zo infra up); runs on a throwaway database it drops afterwards.
 */
final class PoolChaosRun {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SECRET = "chaos-secret";
  private static final int NODES = 3;
  private static final int SLOTS = 8;
  private static final Path LOGS = Path.of("target", "chaos");

  private final String db = LocalInfra.createDatabase();
  private final int port = freePort();
  private final URI base = URI.create("http://127.0.0.1:" + port);
  private final String user = "chaos-" + UUID.randomUUID();
  private final List<Process> nodes = new ArrayList<>();
  private Process service;
  private int serviceStarts;

  /** What a run left in the database. */
  record Report(
      boolean finished,
      long total,
      long succeeded,
      long stuck,
      long completedOnce,
      long completedTwice,
      long withoutCompletion,
      long attempts,
      long rerunJobs,
      int serviceStarts,
      double seconds) {

    @Override
    public String toString() {
      return String.format(
          "chaos: %d jobs in the database, %d SUCCEEDED, %d stuck, %d with exactly one accepted"
              + " completion, %d with more than one, %d with none; %d attempts for %d jobs: %d"
              + " attempts re-run (%d jobs ran more than once); %d service starts, 1 node killed;"
              + " %.1f s%s",
          total,
          succeeded,
          stuck,
          completedOnce,
          completedTwice,
          withoutCompletion,
          attempts,
          total,
          attempts - total,
          rerunJobs,
          serviceStarts,
          seconds,
          finished ? "" : " (timed out waiting)");
    }
  }

  Report run(int jobs) throws Exception {
    Files.createDirectories(LOGS);
    startService();
    long start = System.nanoTime();
    submit(jobs / 2);
    for (int i = 0; i < NODES; i++) {
      nodes.add(startNode("chaos-" + i));
    }
    submit(jobs - jobs / 2);
    awaitSucceeded(jobs * 3 / 10, Duration.ofMinutes(5));
    Process victim = nodes.get(0);
    System.out.printf("kill -9 node chaos-0 (pid %d) at %d succeeded%n", victim.pid(), succeeded());
    victim.destroyForcibly().waitFor();
    nodes.add(startNode("chaos-replacement"));
    awaitSucceeded(jobs * 6 / 10, Duration.ofMinutes(5));
    System.out.printf(
        "kill -9 the pool service (pid %d) at %d succeeded%n", service.pid(), succeeded());
    service.destroyForcibly().waitFor();
    Thread.sleep(2_000); // the nodes see the outage and back off
    startService();
    boolean finished = awaitSucceeded(jobs, Duration.ofMinutes(10));
    double seconds = (System.nanoTime() - start) / 1e9;
    return report(seconds, finished);
  }

  private Report report(double seconds, boolean finished) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(db, LocalInfra.DB_USER, LocalInfra.DB_PASSWORD);
        Statement sql = connection.createStatement()) {
      sql.execute("SET search_path = pool");
      // only this run's jobs: the service also submits what it finds on the shared zo.pool.jobs
      // topic, for other owners
      sql.execute("CREATE TEMP VIEW mine AS SELECT * FROM job WHERE owner = '" + user + "'");
      String byEvent =
          "SELECT record_key, count(*) AS n FROM ("
              + OutboxEvents.SQL
              + ") e WHERE type = 'zo.pool.job.succeeded'"
              + " AND record_key IN (SELECT id FROM mine) GROUP BY record_key";
      return new Report(
          finished,
          single(sql, "SELECT count(*) FROM mine"),
          single(sql, "SELECT count(*) FROM mine WHERE status = 'SUCCEEDED'"),
          single(sql, "SELECT count(*) FROM mine WHERE status IN ('PENDING','LEASED','RUNNING')"),
          single(sql, "SELECT count(*) FROM (" + byEvent + ") c WHERE n = 1"),
          single(sql, "SELECT count(*) FROM (" + byEvent + ") c WHERE n > 1"),
          single(
              sql,
              "SELECT count(*) FROM mine j WHERE NOT EXISTS (SELECT 1 FROM ("
                  + byEvent
                  + ") c WHERE c.record_key = j.id)"),
          single(sql, "SELECT coalesce(sum(attempts), 0) FROM mine"),
          single(sql, "SELECT count(*) FROM mine WHERE attempts > 1"),
          serviceStarts,
          seconds);
    }
  }

  private void startService() throws Exception {
    Path jar = LocalInfra.repoRoot().resolve("services/pool/target/quarkus-app/quarkus-run.jar");
    ProcessBuilder builder =
        new ProcessBuilder(javaBin(), "-Xmx384m", "-jar", jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve("pool.log").toFile()));
    Map<String, String> env = builder.environment();
    env.put("ZO_DB_URL", db);
    env.put("ZO_DB_USER", LocalInfra.DB_USER);
    env.put("ZO_DB_PASSWORD", LocalInfra.DB_PASSWORD);
    env.put("ZO_INTERNAL_SECRET", SECRET);
    env.put("ZO_KAFKA_BOOTSTRAP", LocalInfra.KAFKA_BOOTSTRAP);
    env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    // a killed node's jobs come back after the lease TTL: keep the run short
    env.put("ZO_POOL_LEASE_TTL", "4s");
    env.put("ZO_POOL_HEARTBEAT_INTERVAL", "1s");
    env.put("ZO_POOL_DB_MAX_CONNECTIONS", "16");
    service = builder.start();
    serviceStarts++;
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!service.isAlive()) {
        throw new IllegalStateException("the pool service exited; see " + LOGS.resolve("pool.log"));
      }
      try {
        if (HTTP.send(
                    HttpRequest.newBuilder(base.resolve("/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          System.out.printf("pool service up (pid %d, start %d)%n", service.pid(), serviceStarts);
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the pool service did not get ready in 90 s");
  }

  private Process startNode(String name) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                javaBin(),
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                ChaosNode.class.getName(),
                base.toString(),
                user,
                name,
                String.valueOf(SLOTS))
            .redirectErrorStream(true)
            .redirectOutput(LOGS.resolve(name + ".log").toFile());
    builder.environment().put("ZO_INTERNAL_SECRET", SECRET);
    return builder.start();
  }

  private void submit(int count) throws Exception {
    String job = "{\"kind\":\"shell\",\"payload\":{\"command\":\"true\"}}";
    for (int sent = 0; sent < count; sent += 500) {
      int n = Math.min(500, count - sent);
      post(
          "/api/v1/jobs/batch",
          "{\"jobs\":[" + String.join(",", Collections.nCopies(n, job)) + "]}");
    }
  }

  /** Waits until at least {@code target} jobs succeeded; false on timeout. */
  private boolean awaitSucceeded(int target, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (succeeded() >= target) {
        return true;
      }
      Thread.sleep(250);
    }
    return false;
  }

  private long succeeded() throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(db, LocalInfra.DB_USER, LocalInfra.DB_PASSWORD);
        Statement sql = connection.createStatement()) {
      return single(
          sql,
          "SELECT count(*) FROM pool.job WHERE status = 'SUCCEEDED' AND owner = '" + user + "'");
    }
  }

  private JsonNode post(String path, String body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("X-Zo-Internal-Secret", SECRET)
                .header("X-Zo-User", user)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 400) {
      throw new IllegalStateException(
          path + " -> " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  void tearDown() {
    nodes.forEach(Process::destroyForcibly);
    if (service != null) {
      service.destroyForcibly();
    }
    try {
      if (service != null) {
        service.waitFor();
      }
      LocalInfra.dropDatabase(db);
    } catch (InterruptedException | RuntimeException e) {
      System.out.println("cleanup: " + e.getMessage());
    }
  }

  private static long single(Statement sql, String query) throws SQLException {
    try (ResultSet rs = sql.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
