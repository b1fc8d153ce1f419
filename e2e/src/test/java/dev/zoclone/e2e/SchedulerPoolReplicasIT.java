package dev.zoclone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.e2e.support.LocalPlatform;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two replicas each of the scheduler and the pool behind one gateway (packaged jars, one database,
 * the local Kafka): each automation occurrence fires once, no job is leased twice while the gateway
 * spreads the nodes' leases over both pool replicas, and kill -9 of a pool replica under job
 * submissions loses no acknowledged job (clients retry with the same idempotency key).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulerPoolReplicasIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHELL_TRUE = "\"kind\":\"shell\",\"payload\":{\"command\":\"true\"}";

  static LocalPlatform platform;

  @BeforeAll
  static void start() throws Exception {
    platform =
        LocalPlatform.builder()
            .replicas("scheduler", 2)
            .replicas("pool", 2)
            .readyTimeout(Duration.ofMinutes(5))
            .start();
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  @Order(1)
  void eachOccurrenceFiresOnceAcrossSchedulerReplicas() throws Exception {
    LocalPlatform.User user = newUser("fire-once");
    // Six occurrences two seconds apart from a few seconds ahead; catch_up all, so one that a
    // busy ticker reaches late still fires (once).
    String dtstart =
        LocalDateTime.now(ZoneOffset.UTC).plusSeconds(5).truncatedTo(ChronoUnit.SECONDS).toString();
    HttpResponse<String> created =
        platform.call(
            user.token(),
            "POST",
            "/api/v1/automations",
            "{\"title\":\"twice a few times\",\"rrule\":\"FREQ=SECONDLY;INTERVAL=2;COUNT=6\","
                + "\"dtstart\":\""
                + dtstart
                + "\",\"tzid\":\"UTC\",\"catch_up\":\"all\",\"action\":{\"type\":\"job\","
                + "\"payload\":{"
                + SHELL_TRUE
                + "}}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String automation = JSON.readTree(created.body()).path("id").asText();

    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> runs(user, automation).size() >= 6 && jobs(user).size() >= 6);
    // Both schedulers tick every second: a second firing of any occurrence would show up as a
    // seventh run or job within a few ticks.
    await()
        .during(Duration.ofSeconds(6))
        .atMost(Duration.ofSeconds(30))
        .until(() -> runs(user, automation).size() == 6 && jobs(user).size() == 6);
    List<JsonNode> runs = runs(user, automation);
    assertThat(runs.stream().map(r -> r.path("occurrence").asText()).distinct()).hasSize(6);
    // Each run submitted exactly one job, keyed by the run.
    assertThat(jobs(user).stream().map(j -> j.path("idempotency_key").asText()))
        .containsExactlyInAnyOrderElementsOf(
            runs.stream().map(r -> "automation-run:" + r.path("id").asText()).toList());
  }

  @Test
  @Order(2)
  void noJobIsLeasedTwiceByNodesWhoseLeasesGoToBothPoolReplicas() throws Exception {
    LocalPlatform.User user = newUser("lease-once");
    int count = 120;
    StringBuilder batch = new StringBuilder("{\"jobs\":[");
    for (int i = 0; i < count; i++) {
      batch.append(i == 0 ? "" : ",").append('{').append(SHELL_TRUE).append('}');
    }
    HttpResponse<String> submitted =
        call(user, "POST", "/api/v1/jobs/batch", batch.append("]}").toString());
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);

    Map<String, AtomicInteger> leases = new ConcurrentHashMap<>();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService nodes = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> loops = new ArrayList<>();
      for (int n = 0; n < 4; n++) {
        String node = register(user, "node-" + n);
        loops.add(nodes.submit(() -> leaseLoop(user, node, leases, running)));
      }
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> jobs(user, "SUCCEEDED").size() == count);
      running.set(false);
      for (Future<?> loop : loops) {
        loop.get();
      }
    } finally {
      running.set(false);
      nodes.shutdownNow();
    }
    assertThat(leases).hasSize(count);
    assertThat(leases.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
  }

  @Test
  @Order(3)
  void killingAPoolReplicaUnderSubmissionsLosesNoAcknowledgedJob() throws Exception {
    LocalPlatform.User user = newUser("kill-pool");
    int writers = 4;
    int perWriter = 15;
    AtomicInteger acknowledged = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(writers);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        results.add(clients.submit(() -> submit(user, writer, perWriter, acknowledged)));
      }
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> results.stream().anyMatch(Future::isDone) || acknowledged.get() >= 8);
      platform.kill("pool@2");

      Set<String> ids = new HashSet<>();
      for (Future<List<String>> result : results) {
        ids.addAll(result.get());
      }
      // One job per submission: a retried submission got the job its first attempt created.
      assertThat(ids).hasSize(writers * perWriter);
      for (String id : ids) {
        HttpResponse<String> read = call(user, "GET", "/api/v1/jobs/" + id, null);
        assertThat(read.statusCode()).as("job %s: %s", id, read.body()).isEqualTo(200);
      }
      assertThat(jobs(user)).hasSize(writers * perWriter);
    } finally {
      clients.shutdownNow();
    }
  }

  /** Submits {@code count} jobs, each retried with its idempotency key until acknowledged. */
  private static List<String> submit(
      LocalPlatform.User user, int writer, int count, AtomicInteger acknowledged) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String body =
          "{"
              + SHELL_TRUE
              + ",\"idempotency_key\":\"w"
              + writer
              + "-"
              + i
              + "-"
              + UUID.randomUUID()
              + "\"}";
      for (int attempt = 1; ; attempt++) {
        HttpResponse<String> saved = call(user, "POST", "/api/v1/jobs", body);
        if (saved.statusCode() == 201 || saved.statusCode() == 200) {
          ids.add(JSON.readTree(saved.body()).path("id").asText());
          acknowledged.incrementAndGet();
          break;
        }
        // 502/503/504 while a replica dies: the client tries again, as a client should.
        assertThat(saved.statusCode()).as(saved.body()).isIn(502, 503, 504);
        assertThat(attempt).as("attempts for one submission").isLessThan(10);
        Thread.sleep(200);
      }
    }
    return ids;
  }

  /** Leases and completes jobs until told to stop, counting how often each job was handed out. */
  private static Void leaseLoop(
      LocalPlatform.User user,
      String node,
      Map<String, AtomicInteger> leases,
      AtomicBoolean running)
      throws Exception {
    String finished = "";
    while (running.get()) {
      HttpResponse<String> leased =
          call(
              user,
              "POST",
              "/api/v1/nodes/" + node + "/lease",
              "{\"max_jobs\":8,\"wait_ms\":500,\"complete\":[" + finished + "]}");
      assertThat(leased.statusCode()).as(leased.body()).isEqualTo(200);
      List<String> done = new ArrayList<>();
      for (JsonNode job : JSON.readTree(leased.body()).path("jobs")) {
        String id = job.path("id").asText();
        leases.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        done.add(
            "{\"job_id\":\""
                + id
                + "\",\"lease_token\":"
                + job.path("lease_token").asLong()
                + ",\"result\":{\"exit_code\":0}}");
      }
      finished = String.join(",", done);
    }
    return null;
  }

  private static String register(LocalPlatform.User user, String name) throws Exception {
    HttpResponse<String> node =
        call(user, "POST", "/api/v1/nodes", "{\"name\":\"" + name + "\",\"slots\":8}");
    assertThat(node.statusCode()).as(node.body()).isIn(200, 201);
    return JSON.readTree(node.body()).path("node_id").asText();
  }

  private static List<JsonNode> runs(LocalPlatform.User user, String automation) throws Exception {
    return list(
        call(user, "GET", "/api/v1/automations/" + automation + "/runs?limit=100", null), "runs");
  }

  private static List<JsonNode> jobs(LocalPlatform.User user) throws Exception {
    return list(call(user, "GET", "/api/v1/jobs?limit=500", null), "jobs");
  }

  private static List<JsonNode> jobs(LocalPlatform.User user, String status) throws Exception {
    return list(call(user, "GET", "/api/v1/jobs?limit=500&status=" + status, null), "jobs");
  }

  private static List<JsonNode> list(HttpResponse<String> answer, String field) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    JSON.readTree(answer.body()).path(field).forEach(items::add);
    return items;
  }

  private static LocalPlatform.User newUser(String name) throws Exception {
    return platform.newUser(name + "-" + UUID.randomUUID().toString().substring(0, 8));
  }

  private static HttpResponse<String> call(
      LocalPlatform.User user, String method, String path, String body) throws Exception {
    return platform.call(user.token(), method, path, body);
  }
}
