package dev.zoclone.pool.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.testing.bench.PlainHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints the pool's figures against a running service: end-to-end no-op jobs/s with 4 nodes x 8
 * slots leasing in batches, and submit-to-start latency (p50, p99) with an idle long-polling node.
 * Not a test: run it by hand (see the pool section of the README).
 *
 * <p>Args: [base URL, default http://127.0.0.1:8085] [jobs, default 20000] [combined|batch|single,
 * default combined: batch submit, and each lease reports the previous lease's jobs as finished in
 * the same call; batch: batch submit, lease and batch complete as two calls; single: one job per
 * request]. Env ZO_INTERNAL_SECRET (default dev-internal-secret, the %dev profile's).
 */
public final class PoolBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int NODES = 4;
  private static final int SLOTS = 8;
  private static final int SUBMITTERS = 2;
  private static final int SUBMIT_BATCH = 500;
  private static final String NOOP = "{\"kind\":\"shell\",\"payload\":{\"command\":\"true\"}}";

  private final PlainHttp http;
  private final String user = "bench-" + UUID.randomUUID();
  private final AtomicLong allDoneAt = new AtomicLong();

  private PoolBenchmark(URI base, String secret) {
    this.http =
        new PlainHttp(base, "X-Zo-Internal-Secret: " + secret + "\r\nX-Zo-User: " + user + "\r\n");
  }

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8085");
    int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    String secret = System.getenv().getOrDefault("ZO_INTERNAL_SECRET", "dev-internal-secret");
    PoolBenchmark bench = new PoolBenchmark(base, secret);
    Mode mode = Mode.valueOf((args.length > 2 ? args[2] : "combined").toUpperCase());
    // a long-running service is measured warm: the first run pays for class loading and the JIT
    bench.throughput(jobs, mode, "warm-up");
    bench.throughput(jobs, mode, "throughput");
    bench.latency(300);
  }

  private enum Mode {
    COMBINED,
    BATCH,
    SINGLE
  }

  private void throughput(int jobs, Mode mode, String label) throws Exception {
    allDoneAt.set(0);
    long cpuBefore = ownCpuNanos();
    boolean batched = mode != Mode.SINGLE;
    ExecutorService threads = Executors.newFixedThreadPool(NODES + SUBMITTERS);
    List<String> nodes = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      nodes.add(register("bench-" + i, SLOTS));
    }
    AtomicInteger done = new AtomicInteger();
    AtomicInteger stale = new AtomicInteger();
    AtomicInteger requests = new AtomicInteger();
    long start = System.nanoTime();
    List<Future<?>> submitters = new ArrayList<>();
    AtomicInteger next = new AtomicInteger();
    for (int s = 0; s < SUBMITTERS; s++) {
      submitters.add(
          threads.submit(
              () -> {
                while (true) {
                  int from = next.getAndAdd(batched ? SUBMIT_BATCH : 1);
                  int count = Math.min(batched ? SUBMIT_BATCH : 1, jobs - from);
                  if (count <= 0) {
                    return null;
                  }
                  requests.incrementAndGet();
                  if (batched) {
                    post(
                        "/api/v1/jobs/batch",
                        "{\"jobs\":[" + String.join(",", Collections.nCopies(count, NOOP)) + "]}");
                  } else {
                    post("/api/v1/jobs", NOOP);
                  }
                }
              }));
    }
    List<Future<?>> workers = new ArrayList<>();
    for (String node : nodes) {
      workers.add(
          threads.submit(
              () -> {
                if (mode == Mode.COMBINED) {
                  leaseAndComplete(node, jobs, done, stale, requests);
                  return null;
                }
                while (done.get() < jobs) {
                  requests.incrementAndGet();
                  JsonNode leased =
                      post(
                          "/api/v1/nodes/" + node + "/lease",
                          "{\"max_jobs\":" + SLOTS + ",\"wait_ms\":1000}");
                  if (batched) {
                    completeAll(node, leased.path("jobs"), jobs, done, stale, requests);
                  } else {
                    for (JsonNode job : leased.path("jobs")) {
                      requests.incrementAndGet();
                      post(
                          "/api/v1/jobs/" + job.get("id").asText() + "/complete", token(node, job));
                      counted(done, 1, jobs);
                    }
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
    // idle nodes may still be in a long poll: the run ends when the last job was recorded
    double seconds = (allDoneAt.get() - start) / 1e9;
    threads.shutdown();
    System.out.printf(
        "%s (%s): %d no-op jobs, %d nodes x %d slots: submitted in %.2f s, all"
            + " SUCCEEDED in %.2f s = %.0f jobs/s end to end (%d HTTP requests, %d stale;"
            + " this client used %.1f s of CPU)%n",
        label,
        mode.name().toLowerCase(),
        jobs,
        NODES,
        SLOTS,
        submitSeconds,
        seconds,
        jobs / seconds,
        requests.get(),
        stale.get(),
        (ownCpuNanos() - cpuBefore) / 1e9);
  }

  private static long ownCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** One node's loop: each lease reports the jobs of the previous one as finished. */
  private void leaseAndComplete(
      String node, int jobs, AtomicInteger done, AtomicInteger stale, AtomicInteger requests)
      throws Exception {
    String finished = "";
    while (done.get() < jobs) {
      requests.incrementAndGet();
      JsonNode answer =
          post(
              "/api/v1/nodes/" + node + "/lease",
              "{\"max_jobs\":" + SLOTS + ",\"wait_ms\":1000,\"complete\":[" + finished + "]}");
      counted(done, answer.path("completed").size(), jobs);
      stale.addAndGet(answer.path("stale").size());
      finished = completions(answer.path("jobs"));
    }
  }

  /** Adds {@code n} recorded completions; notes the time when all {@code jobs} are. */
  private void counted(AtomicInteger done, int n, int jobs) {
    if (done.addAndGet(n) >= jobs) {
      allDoneAt.compareAndSet(0, System.nanoTime());
    }
  }

  private static String completions(JsonNode leased) {
    StringBuilder body = new StringBuilder();
    for (JsonNode job : leased) {
      if (body.length() > 0) {
        body.append(',');
      }
      body.append("{\"job_id\":\"")
          .append(job.get("id").asText())
          .append("\",\"lease_token\":")
          .append(job.get("lease_token").asLong())
          .append(",\"result\":{}}");
    }
    return body.toString();
  }

  private void completeAll(
      String node,
      JsonNode leased,
      int jobs,
      AtomicInteger done,
      AtomicInteger stale,
      AtomicInteger requests)
      throws Exception {
    if (leased.isEmpty()) {
      return;
    }
    requests.incrementAndGet();
    JsonNode answer =
        post("/api/v1/nodes/" + node + "/complete", "{\"jobs\":[" + completions(leased) + "]}");
    counted(done, answer.path("completed").size(), jobs);
    stale.addAndGet(answer.path("stale").size());
  }

  private static String token(String node, JsonNode job) {
    return "{\"node_id\":\""
        + node
        + "\",\"lease_token\":"
        + job.get("lease_token").asLong()
        + ",\"result\":{}}";
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
    PlainHttp.Response response = http.post(path, body);
    if (response.status() >= 400) {
      throw new IllegalStateException(path + " -> " + response.status() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
