package dev.zoclone.bench.pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.bench.Benchmark;
import dev.zoclone.bench.Figure;
import dev.zoclone.bench.Latencies;
import dev.zoclone.bench.Machine;
import dev.zoclone.bench.ProcessCpu;
import dev.zoclone.bench.Stack;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.testing.bench.PlainHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pool end to end through the gateway, as {@code zo node} workers use it: no-op jobs submitted
 * in batches by two clients while four nodes of eight slots lease them, each lease reporting the
 * previous lease's jobs as finished. Rounds run back to back on one database, so the last round
 * shows the rate after every job before it; then submit → start latency with an idle node that
 * long-polls. Each round's rate is printed as it ends, with the CPU per job of the gateway, the
 * pool, PostgreSQL, Kafka and the load generator; the figures are the first round, the slowest
 * after it, the last, and all rounds together.
 *
 * <p>Sizes: {@code bench.pool.jobs} per round (40,000), {@code bench.pool.rounds} (5), {@code
 * bench.pool.samples} of latency (300).
 */
public final class PoolBenchmark implements Benchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int NODES = 4;
  private static final int SLOTS = 8;
  private static final int SUBMITTERS = 2;
  private static final int SUBMIT_BATCH = 500;
  private static final String NOOP = "{\"kind\":\"shell\",\"payload\":{\"command\":\"true\"}}";

  @Override
  public String name() {
    return "pool";
  }

  @Override
  public List<Figure> run() throws Exception {
    int jobs = size("jobs", 40_000);
    int rounds = size("rounds", 5);
    int samples = size("samples", 300);
    List<Figure> figures = new ArrayList<>();
    try (LocalPlatform platform =
        LocalPlatform.builder()
            .service("pool")
            .property("pool", "zo.quota.pending-jobs", Integer.toString(jobs))
            .start()) {
      Stack stack = new Stack(platform);
      PlainHttp http = stack.client(platform.newUser("pool-bench").token());
      List<String> nodes = new ArrayList<>();
      for (int i = 0; i < NODES; i++) {
        nodes.add(register(http, "bench-" + i, SLOTS));
      }
      double first = 0;
      double last = 0;
      double slowest = Double.MAX_VALUE;
      double seconds = 0;
      for (int round = 1; round <= rounds; round++) {
        Map<String, Double> cpuBefore = cpu(stack);
        last = throughput(http, nodes, jobs);
        Map<String, Double> cpuAfter = cpu(stack);
        seconds += jobs / last;
        first = round == 1 ? last : first;
        slowest = round == 1 ? slowest : Math.min(slowest, last);
        System.out.printf(
            "pool: round %d: %.0f jobs/s (%d jobs in the database, load %.2f;"
                + " CPU per job: %s)%n",
            round, last, (long) jobs * round, Machine.load(), perJob(cpuBefore, cpuAfter, jobs));
      }
      figures.add(
          Figure.of(name(), "no-op jobs/s end to end, first round of " + jobs, first, "/s"));
      figures.add(
          Figure.atLeast(
              name(),
              "no-op jobs/s end to end, round "
                  + rounds
                  + " (after "
                  + (long) jobs * (rounds - 1)
                  + " jobs in the database)",
              last,
              "/s",
              5000));
      if (rounds > 1) {
        figures.add(
            Figure.of(
                name(), "no-op jobs/s end to end, slowest round after the first", slowest, "/s"));
        figures.add(
            Figure.atLeast(
                name(),
                "no-op jobs/s end to end over all "
                    + (long) jobs * rounds
                    + " jobs, the first round included",
                jobs * rounds / seconds,
                "/s",
                5000));
      }
      Latencies latency = latency(http, samples);
      figures.add(
          Figure.atMost(
              name(),
              "submit → start with an idle long-polling node, p50 (p95 "
                  + Figure.format(latency.p95())
                  + " ms)",
              latency.p50(),
              "ms",
              20));
    }
    return figures;
  }

  /**
   * CPU used so far by the gateway, the pool, PostgreSQL, Kafka (the last two machine-wide) and
   * this load generator, in milliseconds.
   */
  private static Map<String, Double> cpu(Stack stack) throws IOException {
    Map<String, Double> cpu = new LinkedHashMap<>(stack.cpu("gateway", "pool"));
    cpu.putAll(SharedProcessCpu.read());
    cpu.put("load generator", ProcessCpu.millis(ProcessHandle.current().pid()));
    return cpu;
  }

  private static String perJob(Map<String, Double> before, Map<String, Double> after, int jobs) {
    List<String> parts = new ArrayList<>();
    double total = 0;
    for (String process : before.keySet()) {
      double micros = (after.get(process) - before.get(process)) * 1000 / jobs;
      total += micros;
      parts.add(String.format("%s %.0f µs", process, micros));
    }
    return String.join(", ", parts) + String.format(", together %.0f µs", total);
  }

  private double throughput(PlainHttp http, List<String> nodes, int jobs) throws Exception {
    AtomicLong allDoneAt = new AtomicLong();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(NODES + SUBMITTERS);
    try {
      long start = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int s = 0; s < SUBMITTERS; s++) {
        running.add(
            threads.submit(
                () -> {
                  for (int from = next.getAndAdd(SUBMIT_BATCH);
                      from < jobs;
                      from = next.getAndAdd(SUBMIT_BATCH)) {
                    int count = Math.min(SUBMIT_BATCH, jobs - from);
                    post(
                        http,
                        "/api/v1/jobs/batch",
                        "{\"jobs\":[" + String.join(",", Collections.nCopies(count, NOOP)) + "]}");
                  }
                  return null;
                }));
      }
      for (String node : nodes) {
        running.add(
            threads.submit(
                () -> {
                  String finished = "";
                  while (done.get() < jobs) {
                    JsonNode answer =
                        post(
                            http,
                            "/api/v1/nodes/" + node + "/lease",
                            "{\"max_jobs\":"
                                + SLOTS
                                + ",\"wait_ms\":1000,\"complete\":["
                                + finished
                                + "]}");
                    if (done.addAndGet(answer.path("completed").size()) >= jobs) {
                      allDoneAt.compareAndSet(0, System.nanoTime());
                    }
                    finished = completions(answer.path("jobs"));
                  }
                  return null;
                }));
      }
      for (Future<?> future : running) {
        future.get();
      }
      return jobs / ((allDoneAt.get() - start) / 1e9);
    } finally {
      threads.shutdownNow();
    }
  }

  private Latencies latency(PlainHttp http, int samples) throws Exception {
    String node = register(http, "bench-idle", 1);
    ExecutorService poller = Executors.newSingleThreadExecutor();
    List<Long> nanos = new ArrayList<>();
    try {
      for (int i = 0; i < samples; i++) {
        Future<Long> leasedAt =
            poller.submit(
                () -> {
                  JsonNode job =
                      post(
                              http,
                              "/api/v1/nodes/" + node + "/lease",
                              "{\"max_jobs\":1,\"wait_ms\":10000}")
                          .path("jobs")
                          .get(0);
                  long at = System.nanoTime();
                  post(
                      http,
                      "/api/v1/nodes/" + node + "/complete",
                      "{\"jobs\":[" + completion(job) + "]}");
                  return at;
                });
        Thread.sleep(20); // the node is waiting in its long poll when the job arrives
        long submitted = System.nanoTime();
        post(http, "/api/v1/jobs", NOOP);
        nanos.add(leasedAt.get() - submitted);
      }
    } finally {
      poller.shutdownNow();
    }
    return new Latencies(nanos);
  }

  private static String register(PlainHttp http, String name, int slots) throws Exception {
    return post(http, "/api/v1/nodes", "{\"name\":\"" + name + "\",\"slots\":" + slots + "}")
        .get("node_id")
        .asText();
  }

  private static String completions(JsonNode leased) {
    List<String> parts = new ArrayList<>();
    leased.forEach(job -> parts.add(completion(job)));
    return String.join(",", parts);
  }

  private static String completion(JsonNode job) {
    return "{\"job_id\":\""
        + job.get("id").asText()
        + "\",\"lease_token\":"
        + job.get("lease_token").asLong()
        + ",\"result\":{}}";
  }

  private static JsonNode post(PlainHttp http, String path, String body) throws Exception {
    PlainHttp.Response response = http.post(path, body);
    if (response.status() >= 400) {
      throw new IllegalStateException(
          path + " answered " + response.status() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
