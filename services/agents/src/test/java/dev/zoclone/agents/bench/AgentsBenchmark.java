package dev.zoclone.agents.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.testing.bench.PlainHttp;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Prints the agents service's figures: (a) the platform's overhead, an ask through the gateway
 * (auth, agents, memory context, the model call, the turn appended) against a fake model that
 * answers at once, versus the same chat request sent straight to the fake model, at concurrency 16;
 * (b) spawn-all of 100 agents against a fake model that takes 500 ms each, max_concurrency 100.
 *
 * <p>Starts the packaged gateway, agents and memory itself on a throwaway database. Arguments:
 * {@code [asks per path (2000)] [concurrency (16)]}.
 */
public final class AgentsBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private AgentsBenchmark() {}

  public static void main(String[] args) throws Exception {
    // The JDK client's debug logging costs more than the calls being measured.
    Logger.getLogger("jdk.internal.httpclient.debug").setLevel(Level.OFF);
    int asks = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    try (FakeOpenAiServer fast = new FakeOpenAiServer().setDefault(Reply.text("ok"));
        FakeOpenAiServer slow =
            new FakeOpenAiServer().setDefault(Reply.text("done").delay(Duration.ofMillis(500)));
        BenchPlatform platform = BenchPlatform.start("-Xmx384m")) {
      String gateway = platform.url("gateway");
      String token = newUser(gateway, platform.adminToken());
      send(gateway + "/api/v1/keys/fast", "PUT", token, key(fast.baseUrl()));
      send(gateway + "/api/v1/keys/slow", "PUT", token, key(slow.baseUrl()));
      System.out.printf(
          "platform: gateway pid %d, agents pid %d, memory pid %d%n",
          platform.pid("gateway"), platform.pid("agents"), platform.pid("memory"));

      String chat = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
      Target direct =
          new Target(
              new PlainHttp(
                  URI.create(fast.baseUrl()), "Authorization: Bearer sk-bench-0123456789\r\n"),
              "/v1/chat/completions",
              chat);
      Target ask =
          new Target(
              new PlainHttp(URI.create(gateway), "Authorization: Bearer " + token + "\r\n"),
              "/api/v1/ask",
              "{\"input\":\"hi\",\"model_name\":\"fast:m\"}");

      run("warm-up direct", direct, Math.max(200, asks / 5), concurrency);
      run("warm-up gateway", ask, Math.max(200, asks / 5), concurrency);
      Result straight = run("direct to the fake model", direct, asks, concurrency);
      Map<String, Duration> cpuBefore = platform.cpu();
      Result through = run("ask through the gateway", ask, asks, concurrency);
      Map<String, Duration> cpuAfter = platform.cpu();
      StringBuilder cpu = new StringBuilder();
      cpuAfter.forEach(
          (process, after) ->
              cpu.append(cpu.isEmpty() ? "" : ", ")
                  .append(process)
                  .append(' ')
                  .append(
                      String.format(
                          "%.2f",
                          (after.toNanos() - cpuBefore.get(process).toNanos()) / 1e6 / asks)));
      System.out.println("(a) CPU ms per ask through the gateway: " + cpu);
      System.out.printf(
          "(a) added latency at concurrency %d: p50 %.1f ms, p95 %.1f ms; %.0f asks/s through the"
              + " gateway (targets: p50 added <= 10 ms, >= 200 asks/s)%n",
          concurrency,
          through.p50() - straight.p50(),
          through.p95() - straight.p95(),
          through.perSecond());

      System.out.printf(
          "(a) a turn became recallable %.0f ms after its ask answered (embedded off the ask's"
              + " path, through the outbox and Kafka)%n",
          recallLag(gateway, token));

      String agents = spawnAll(100);
      for (int round = 1; round <= 3; round++) {
        long start = System.nanoTime();
        HttpResponse<String> response =
            HTTP.send(
                post(gateway + "/api/v1/agents/spawn-all", token, agents),
                HttpResponse.BodyHandlers.ofString());
        double wallMs = (System.nanoTime() - start) / 1e6;
        JsonNode results = JSON.readTree(response.body()).path("results");
        long succeeded = 0;
        for (JsonNode result : results) {
          succeeded += "SUCCEEDED".equals(result.path("status").asText()) ? 1 : 0;
        }
        System.out.printf(
            "(b) spawn-all round %d: 100 agents x 500 ms, max_concurrency 100: wall %.0f ms,"
                + " %d/100 succeeded (HTTP %d; target <= 750 ms)%n",
            round, wallMs, succeeded, response.statusCode());
      }
    }
  }

  /** Latencies of one path. */
  record Result(double p50, double p95, double p99, double perSecond) {}

  /** Where one path's requests go: a POST of {@code body} to {@code path}. */
  record Target(PlainHttp http, String path, String body) {}

  private static Result run(String label, Target target, int count, int workers) throws Exception {
    long[] latencies = new long[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      running.add(
          pool.submit(
              () -> {
                for (int i; (i = next.getAndIncrement()) < count; ) {
                  long t0 = System.nanoTime();
                  try {
                    if (target.http().post(target.path(), target.body()).status() != 200) {
                      failures.incrementAndGet();
                    }
                  } catch (Exception e) {
                    failures.incrementAndGet();
                  }
                  latencies[i] = System.nanoTime() - t0;
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Arrays.sort(latencies);
    Result result =
        new Result(
            percentile(latencies, 0.50),
            percentile(latencies, 0.95),
            percentile(latencies, 0.99),
            count / seconds);
    System.out.printf(
        "%-26s %6d calls, %d failed: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.0f/s%n",
        label, count, failures.get(), result.p50(), result.p95(), result.p99(), result.perSecond());
    return result;
  }

  private static double percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  /** Asks once with a sentence no other turn has, then polls recall until memory finds it. */
  private static double recallLag(String gateway, String token) throws Exception {
    String marker = "quokka" + Long.toString(System.nanoTime(), 36);
    HTTP.send(
        post(
            gateway + "/api/v1/ask",
            token,
            "{\"input\":\"my favourite animal is the " + marker + "\",\"model_name\":\"fast:m\"}"),
        HttpResponse.BodyHandlers.ofString());
    long answered = System.nanoTime();
    String last = "nothing";
    while (System.nanoTime() - answered < Duration.ofSeconds(60).toNanos()) {
      HttpResponse<String> found =
          HTTP.send(
              post(
                  gateway + "/api/v1/memories/recall",
                  token,
                  "{\"query\":\"" + marker + "\",\"top_k\":3}"),
              HttpResponse.BodyHandlers.ofString());
      if (found.statusCode() == 200 && found.body().contains(marker)) {
        return (System.nanoTime() - answered) / 1e6;
      }
      last = found.statusCode() + " " + found.body();
      Thread.sleep(20);
    }
    System.out.println("(a) the turn was not recallable within 60 s; recall last answered " + last);
    return Double.NaN;
  }

  private static String spawnAll(int n) {
    StringBuilder agents = new StringBuilder("{\"max_concurrency\":100,\"agents\":[");
    for (int i = 0; i < n; i++) {
      agents
          .append(i == 0 ? "" : ",")
          .append("{\"id\":\"a")
          .append(i)
          .append("\",\"prompt\":\"task ")
          .append(i)
          .append("\",\"model_name\":\"slow:m\"}");
    }
    return agents.append("]}").toString();
  }

  private static String key(String baseUrl) {
    return "{\"provider\":\"openai\",\"api_key\":\"sk-bench-0123456789\",\"base_url\":\""
        + baseUrl
        + "/v1\",\"default_model\":\"m\"}";
  }

  private static String newUser(String gateway, String adminToken) throws Exception {
    HttpResponse<String> created =
        send(
            gateway + "/api/v1/users",
            "POST",
            adminToken,
            "{\"name\":\"bench-" + System.nanoTime() + "\"}");
    return JSON.readTree(created.body()).path("token").asText();
  }

  private static HttpRequest post(String url, String token, String body) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static HttpResponse<String> send(String url, String method, String token, String body)
      throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response;
  }
}
