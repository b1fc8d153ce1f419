package dev.zoclone.pool.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints the pool's figures against a running service: end-to-end no-op jobs/s with 4 nodes x 8
 * slots leasing in batches, and submit-to-start latency (p50, p99) with an idle long-polling node.
 * Not a test: run it by hand (see the pool section of the README).
 *
 * <p>Args: [base URL, default http://127.0.0.1:8085] [jobs, default 20000]. Env ZO_INTERNAL_SECRET
 * (default dev-internal-secret, the %dev profile's).
 */
public final class PoolBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int NODES = 4;
  private static final int SLOTS = 8;

  private final URI base;
  private final String secret;
  private final String user = "bench-" + UUID.randomUUID();

  private PoolBenchmark(URI base, String secret) {
    this.base = base;
    this.secret = secret;
  }

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8085");
    int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    String secret = System.getenv().getOrDefault("ZO_INTERNAL_SECRET", "dev-internal-secret");
    PoolBenchmark bench = new PoolBenchmark(base, secret);
    bench.throughput(jobs);
    bench.latency(300);
  }

  private void throughput(int jobs) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(NODES * 2 + 8);
    List<String> nodes = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      nodes.add(register("bench-" + i, SLOTS));
    }
    AtomicInteger done = new AtomicInteger();
    long start = System.nanoTime();
    List<Future<?>> submitters = new ArrayList<>();
    AtomicInteger next = new AtomicInteger();
    for (int s = 0; s < 8; s++) {
      submitters.add(
          threads.submit(
              () -> {
                while (next.getAndIncrement() < jobs) {
                  post("/api/v1/jobs", "{\"kind\":\"shell\",\"payload\":{\"command\":\"true\"}}");
                }
                return null;
              }));
    }
    List<Future<?>> workers = new ArrayList<>();
    for (String node : nodes) {
      workers.add(
          threads.submit(
              () -> {
                while (done.get() < jobs) {
                  JsonNode leased =
                      post(
                          "/api/v1/nodes/" + node + "/lease",
                          "{\"max_jobs\":" + SLOTS + ",\"wait_ms\":1000}");
                  for (JsonNode job : leased.path("jobs")) {
                    post(
                        "/api/v1/jobs/" + job.get("id").asText() + "/complete",
                        "{\"node_id\":\""
                            + node
                            + "\",\"lease_token\":"
                            + job.get("lease_token").asLong()
                            + ",\"result\":{}}");
                    done.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : submitters) {
      f.get();
    }
    double submitSeconds = (System.nanoTime() - start) / 1e9;
    for (Future<?> f : workers) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    threads.shutdown();
    System.out.printf(
        "throughput: %d no-op jobs, %d nodes x %d slots: submitted in %.2f s, all SUCCEEDED in"
            + " %.2f s = %.0f jobs/s end to end%n",
        jobs, NODES, SLOTS, submitSeconds, seconds, jobs / seconds);
  }

  private void latency(int samples) throws Exception {
    String node = register("bench-idle", 1);
    ExecutorService poller = Executors.newSingleThreadExecutor();
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      Future<Long> leasedAt =
          poller.submit(
              () -> {
                JsonNode leased =
                    post("/api/v1/nodes/" + node + "/lease", "{\"max_jobs\":1,\"wait_ms\":10000}");
                long at = System.nanoTime();
                JsonNode job = leased.path("jobs").get(0);
                post(
                    "/api/v1/jobs/" + job.get("id").asText() + "/complete",
                    "{\"node_id\":\""
                        + node
                        + "\",\"lease_token\":"
                        + job.get("lease_token").asLong()
                        + ",\"result\":{}}");
                return at;
              });
      Thread.sleep(20); // let the poll start waiting: the node is idle when the job arrives
      long submitted = System.nanoTime();
      post("/api/v1/jobs", "{\"kind\":\"shell\",\"payload\":{\"command\":\"true\"}}");
      millis.add((leasedAt.get() - submitted) / 1e6);
    }
    poller.shutdown();
    Collections.sort(millis);
    System.out.printf(
        "latency: submit-to-start with an idle long-polling node, %d samples: p50 %.1f ms, p90"
            + " %.1f ms, p99 %.1f ms%n",
        samples,
        millis.get(samples / 2),
        millis.get(samples * 9 / 10),
        millis.get(samples * 99 / 100));
  }

  private String register(String name, int slots) throws Exception {
    return post("/api/v1/nodes", "{\"name\":\"" + name + "\",\"slots\":" + slots + "}")
        .get("node_id")
        .asText();
  }

  private JsonNode post(String path, String body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("X-Zo-Internal-Secret", secret)
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
}
