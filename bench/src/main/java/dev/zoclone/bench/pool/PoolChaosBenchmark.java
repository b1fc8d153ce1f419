package dev.zoclone.bench.pool;

import dev.zoclone.bench.Benchmark;
import dev.zoclone.bench.Figure;
import dev.zoclone.bench.Stack;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.testing.bench.PlainHttp;
import dev.zoclone.testing.infra.LocalInfra;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The pool's chaos run through the gateway: no-op shell jobs run by worker processes ({@code zo
 * node}'s {@code PoolWorker}); one worker is killed with SIGKILL at 30 % and replaced, and the pool
 * service is killed (SIGKILL) and started again on the same database at 60 %. Then, in the
 * database: every job SUCCEEDED with exactly one accepted completion (one {@code succeeded} event
 * per job, written in the completion's own transaction), none lost, none stuck; and how many
 * attempts ran again. Each check is a figure bounded at 0.
 *
 * <p>Sizes: {@code bench.pool-chaos.jobs} (10,000).
 */
public final class PoolChaosBenchmark implements Benchmark {
  private static final int NODES = 3;
  private static final int SLOTS = 8;
  private static final String NOOP = "{\"kind\":\"shell\",\"payload\":{\"command\":\"true\"}}";

  /** One row per queued succeeded event, single outbox rows and batch items alike: the job id. */
  private static final String SUCCEEDED_EVENTS =
      "SELECT e.item->>'key' AS job_id"
          + " FROM pool.outbox o, jsonb_array_elements(CASE"
          + " WHEN jsonb_typeof(o.payload::jsonb) = 'array' THEN o.payload::jsonb"
          + " ELSE jsonb_build_array(jsonb_build_object('key', o.record_key,"
          + " 'event', o.payload::jsonb)) END) AS e(item)"
          + " WHERE e.item->'event'->>'type' = 'zo.pool.job.succeeded'";

  @Override
  public String name() {
    return "pool-chaos";
  }

  @Override
  public List<Figure> run() throws Exception {
    int jobs = size("jobs", 10_000);
    List<Process> nodes = new ArrayList<>();
    try (LocalPlatform platform =
        LocalPlatform.builder()
            .service("pool")
            // a killed node's jobs come back after the lease's TTL: keep the run short
            .property("pool", "zo.pool.lease-ttl", "4s")
            .property("pool", "zo.pool.heartbeat-interval", "1s")
            .start()) {
      LocalPlatform.User user = platform.newUser("pool-chaos");
      PlainHttp http = new Stack(platform).client(user.token());
      Path logs = Files.createDirectories(platform.home().resolve("chaos-nodes"));
      long start = System.nanoTime();
      submit(http, jobs / 2);
      for (int i = 0; i < NODES; i++) {
        nodes.add(startNode(platform, user, "chaos-" + i, logs));
      }
      submit(http, jobs - jobs / 2);
      await(platform, user, jobs * 3 / 10, Duration.ofMinutes(5));
      Process victim = nodes.get(0);
      System.out.printf("pool-chaos: kill -9 node chaos-0 (pid %d)%n", victim.pid());
      victim.destroyForcibly().waitFor();
      nodes.add(startNode(platform, user, "chaos-replacement", logs));
      await(platform, user, jobs * 6 / 10, Duration.ofMinutes(5));
      System.out.println("pool-chaos: kill -9 the pool service");
      platform.kill("pool");
      Thread.sleep(2_000); // the nodes see the outage and back off
      platform.restart("pool");
      boolean finished = await(platform, user, jobs, Duration.ofMinutes(10));
      double seconds = (System.nanoTime() - start) / 1e9;
      Report report = report(platform, user);
      System.out.println("pool-chaos: " + report + (finished ? "" : " (timed out waiting)"));
      return report.figures(name(), jobs, seconds);
    } finally {
      nodes.forEach(Process::destroyForcibly);
    }
  }

  /** What a run left in the database. */
  private record Report(
      long total,
      long succeeded,
      long stuck,
      long completedOnce,
      long completedTwice,
      long withoutCompletion,
      long attempts,
      long rerunJobs) {

    List<Figure> figures(String name, int jobs, double seconds) {
      return List.of(
          Figure.atMost(name, "jobs lost of " + jobs + " submitted", jobs - total, "jobs", 0),
          Figure.atMost(name, "jobs not SUCCEEDED", total - succeeded, "jobs", 0),
          Figure.atMost(name, "jobs stuck (PENDING, LEASED, RUNNING)", stuck, "jobs", 0),
          Figure.atMost(
              name,
              "jobs without exactly one accepted completion",
              total - completedOnce,
              "jobs",
              0),
          Figure.of(
              name,
              "attempts run again after the kills ("
                  + rerunJobs
                  + " jobs ran more than once; "
                  + completedTwice
                  + " completed twice, "
                  + withoutCompletion
                  + " never)",
              attempts - total,
              "attempts"),
          Figure.of(name, "whole run, 2 kills included", seconds, "s"));
    }
  }

  private static Report report(LocalPlatform platform, LocalPlatform.User user)
      throws SQLException {
    String mine = "SELECT * FROM pool.job WHERE owner = ?";
    String byEvent =
        "SELECT job_id, count(*) AS n FROM ("
            + SUCCEEDED_EVENTS
            + ") e WHERE job_id IN (SELECT id FROM ("
            + mine
            + ") m) GROUP BY job_id";
    try (Connection connection = connect(platform)) {
      return new Report(
          single(connection, "SELECT count(*) FROM (" + mine + ") m", user),
          single(
              connection, "SELECT count(*) FROM (" + mine + ") m WHERE status = 'SUCCEEDED'", user),
          single(
              connection,
              "SELECT count(*) FROM ("
                  + mine
                  + ") m WHERE status IN ('PENDING','LEASED','RUNNING')",
              user),
          single(connection, "SELECT count(*) FROM (" + byEvent + ") c WHERE n = 1", user),
          single(connection, "SELECT count(*) FROM (" + byEvent + ") c WHERE n > 1", user),
          single(
              connection,
              "SELECT count(*) FROM ("
                  + mine
                  + ") m WHERE NOT EXISTS (SELECT 1 FROM ("
                  + SUCCEEDED_EVENTS
                  + ") e WHERE e.job_id = m.id)",
              user),
          single(connection, "SELECT coalesce(sum(attempts), 0) FROM (" + mine + ") m", user),
          single(connection, "SELECT count(*) FROM (" + mine + ") m WHERE attempts > 1", user));
    }
  }

  private static Process startNode(
      LocalPlatform platform, LocalPlatform.User user, String name, Path logs) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                PoolChaosNode.class.getName(),
                platform.gatewayUrl(),
                name,
                String.valueOf(SLOTS))
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve(name + ".log").toFile());
    builder.environment().put("ZO_TOKEN", user.token());
    return builder.start();
  }

  private static void submit(PlainHttp http, int count) {
    for (int sent = 0; sent < count; sent += 500) {
      int n = Math.min(500, count - sent);
      PlainHttp.Response response =
          http.post(
              "/api/v1/jobs/batch",
              "{\"jobs\":[" + String.join(",", Collections.nCopies(n, NOOP)) + "]}");
      if (response.status() >= 300) {
        throw new IllegalStateException(
            "batch answered " + response.status() + ": " + response.body());
      }
    }
  }

  /** Waits until at least {@code target} of the user's jobs SUCCEEDED; false on timeout. */
  private static boolean await(
      LocalPlatform platform, LocalPlatform.User user, int target, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (Connection connection = connect(platform)) {
        if (single(
                connection,
                "SELECT count(*) FROM pool.job WHERE status = 'SUCCEEDED' AND owner = ?",
                user)
            >= target) {
          return true;
        }
      }
      Thread.sleep(250);
    }
    return false;
  }

  private static Connection connect(LocalPlatform platform) throws SQLException {
    return DriverManager.getConnection(
        platform.databaseUrl(), LocalInfra.DB_USER, LocalInfra.DB_PASSWORD);
  }

  /** The single number {@code sql} answers; each of its parameters is the user's id. */
  private static long single(Connection connection, String sql, LocalPlatform.User user)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int marks = sql.length() - sql.replace("?", "").length();
      for (int i = 1; i <= marks; i++) {
        statement.setString(i, user.id());
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
