package dev.zoclone.bench.skills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.bench.Benchmark;
import dev.zoclone.bench.Figure;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.e2e.support.LocalPlatform.User;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Figures of a skill run through the packaged gateway and skills service, sandbox included: p50 and
 * p95 of a trivial python script (echo its JSON input) at concurrency 1 against the same script run
 * directly with /usr/bin/python3, and runs per second at concurrency 8 both ways.
 *
 * <p>Sizes: {@code bench.skills.runs} at concurrency 1 (300), {@code bench.skills.concurrent} runs
 * at concurrency 8 (400).
 */
public final class SkillsBenchmark implements Benchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String SCRIPT =
      "import json, sys\nprint(json.dumps({'got': json.load(sys.stdin)}))\n";
  private static final String INPUT = "{\"n\":42}";
  private static final int CONCURRENCY = 8;

  @Override
  public String name() {
    return "skills";
  }

  @Override
  public List<Figure> run() throws Exception {
    int runs = size("runs", 300);
    int concurrentRuns = size("concurrent", 400);
    List<Figure> figures = new ArrayList<>();
    Path direct = Files.createTempDirectory("zo-skills-bench");
    Path script = direct.resolve("echo.py");
    Files.writeString(script, SCRIPT);
    try (LocalPlatform platform =
        LocalPlatform.builder()
            .service("skills")
            .property(
                "skills", "zo.skills.runs.max-concurrent-per-user", Integer.toString(CONCURRENCY))
            .start()) {
      User user = platform.newUser("skills-bench");
      Path folder = platform.home().resolve("skills/bench-echo");
      Files.createDirectories(folder.resolve("scripts"));
      Files.writeString(
          folder.resolve("SKILL.md"),
          "---\nname: bench-echo\ndescription: Echoes its input. Use in benchmarks.\n---\n"
              + "# bench-echo\n");
      Files.writeString(folder.resolve("scripts/echo.py"), SCRIPT);
      while (!send(platform, user, "GET", "/api/v1/skills", null).contains("bench-echo")) {
        Thread.sleep(50);
      }

      List<Long> sandboxed = new ArrayList<>();
      List<Long> inService = new ArrayList<>();
      timeThroughGateway(platform, user, runs / 10, new ArrayList<>(), new ArrayList<>());
      timeThroughGateway(platform, user, runs, sandboxed, inService);
      List<Long> plain = new ArrayList<>();
      timeDirect(script, runs / 10, new ArrayList<>());
      timeDirect(script, runs, plain);
      double sandboxedP50 = sandboxed.get(sandboxed.size() / 2) / 1e6;
      double plainP50 = plain.get(plain.size() / 2) / 1e6;
      figures.add(
          Figure.of(
              name(),
              "trivial python skill through the gateway, concurrency 1, p50 (p95 "
                  + Figure.format(pct(sandboxed, 95) / 1e6)
                  + " ms; the service's duration_ms p50 "
                  + pct(inService, 50)
                  + " ms)",
              sandboxedP50,
              "ms"));
      figures.add(
          Figure.of(name(), "the same script run directly with python3, p50", plainP50, "ms"));
      figures.add(
          Figure.of(
              name(), "added by the platform and the sandbox, p50", sandboxedP50 - plainP50, "ms"));

      double gatewayRate =
          rate(concurrentRuns, () -> runThroughGateway(platform, user, null, null));
      double directRate = rate(concurrentRuns, () -> runDirect(script));
      figures.add(
          Figure.of(
              name(),
              "runs/s through the gateway at concurrency " + CONCURRENCY,
              gatewayRate,
              "/s"));
      figures.add(
          Figure.of(name(), "runs/s directly at concurrency " + CONCURRENCY, directRate, "/s"));
    }
    return figures;
  }

  private interface Run {
    void run() throws Exception;
  }

  private static double rate(int total, Run run) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    try {
      long begin = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        futures.add(
            pool.submit(
                () -> {
                  run.run();
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      return total / ((System.nanoTime() - begin) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void timeThroughGateway(
      LocalPlatform platform, User user, int count, List<Long> nanos, List<Long> inService)
      throws Exception {
    for (int i = 0; i < count; i++) {
      runThroughGateway(platform, user, nanos, inService);
    }
    Collections.sort(nanos);
    Collections.sort(inService);
  }

  private static void runThroughGateway(
      LocalPlatform platform, User user, List<Long> nanos, List<Long> inService) throws Exception {
    long begin = System.nanoTime();
    JsonNode run =
        JSON.readTree(
            send(
                platform,
                user,
                "POST",
                "/api/v1/skills/bench-echo/run",
                "{\"input\":" + INPUT + "}"));
    long elapsed = System.nanoTime() - begin;
    if (run.path("exit_code").asInt() != 0
        || run.path("output").path("got").path("n").asInt() != 42) {
      throw new IllegalStateException("unexpected run: " + run);
    }
    if (nanos != null) {
      nanos.add(elapsed);
      inService.add(run.path("duration_ms").asLong());
    }
  }

  private static void timeDirect(Path script, int count, List<Long> nanos) throws Exception {
    for (int i = 0; i < count; i++) {
      long begin = System.nanoTime();
      runDirect(script);
      nanos.add(System.nanoTime() - begin);
    }
    Collections.sort(nanos);
  }

  private static void runDirect(Path script) throws Exception {
    Process process = new ProcessBuilder("/usr/bin/python3", script.toString()).start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(INPUT.getBytes(StandardCharsets.UTF_8));
    }
    String stdout;
    try (InputStream out = process.getInputStream()) {
      stdout = new String(out.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (process.waitFor() != 0 || JSON.readTree(stdout).path("got").path("n").asInt() != 42) {
      throw new IllegalStateException("unexpected direct run: " + stdout);
    }
  }

  private static long pct(List<Long> sorted, int percent) {
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
  }

  private static String send(
      LocalPlatform platform, User user, String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
            .header("Authorization", "Bearer " + user.token())
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + ": " + response.body());
    }
    return response.body();
  }
}
