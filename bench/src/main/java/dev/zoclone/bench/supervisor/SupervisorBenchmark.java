package dev.zoclone.bench.supervisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.bench.Benchmark;
import dev.zoclone.bench.Figure;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.e2e.support.LocalPlatform.User;
import java.io.BufferedReader;
import java.io.InputStream;
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
import java.util.Map;
import java.util.stream.Stream;

/**
 * Figures of the supervisor through the packaged gateway and supervisor: start-to-RUNNING of an
 * http process, log capture throughput (every line checked), and the public route's overhead over
 * calling the process directly, at concurrency 1.
 *
 * <p>Sizes: {@code bench.supervisor.starts} (20), {@code bench.supervisor.lines} (5,000,000),
 * {@code bench.supervisor.requests} (2,000).
 */
public final class SupervisorBenchmark implements Benchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Override
  public String name() {
    return "supervisor";
  }

  @Override
  public List<Figure> run() throws Exception {
    int starts = size("starts", 20);
    int lines = size("lines", 5_000_000);
    int requests = size("requests", 2000);
    List<Figure> figures = new ArrayList<>();
    String app;
    try (InputStream in = SupervisorBenchmark.class.getResourceAsStream("/processes/app.py")) {
      app = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (LocalPlatform platform = LocalPlatform.start("supervisor")) {
      User user = platform.newUser("bench");
      figures.add(startToRunning(platform, user, app, starts));
      figures.add(logThroughput(platform, user, lines));
      figures.add(proxyOverhead(platform, user, app, requests));
    }
    return figures;
  }

  private Figure startToRunning(LocalPlatform platform, User user, String app, int starts)
      throws Exception {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < starts; i++) {
      String name = "start-" + i;
      long begin = System.nanoTime();
      send(platform, user, "POST", "/api/v1/processes", definition(name, app, "http"));
      while (!status(platform, user, name).equals("RUNNING")) {
        Thread.sleep(5);
      }
      millis.add((System.nanoTime() - begin) / 1_000_000);
      send(platform, user, "DELETE", "/api/v1/processes/" + name, null);
    }
    Collections.sort(millis);
    return Figure.of(
        name(),
        "start → RUNNING of an http process (python3), p50 (p90 " + pct(millis, 90) + " ms)",
        pct(millis, 50),
        "ms");
  }

  private Figure logThroughput(LocalPlatform platform, User user, int lines) throws Exception {
    Map<String, Object> body =
        Map.of(
            "name", "flood",
            "command", "seq",
            "args", List.of("1", Integer.toString(lines)),
            "restart", "never",
            "start_seconds", 0);
    long begin = System.nanoTime();
    send(platform, user, "POST", "/api/v1/processes", body);
    while (!status(platform, user, "flood").equals("EXITED")) {
      Thread.sleep(5);
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    // Every line, in order, across the rotated files (10 MiB x 6 by default keep all of them).
    Path logs;
    try (Stream<Path> dirs = Files.list(platform.home().resolve("supervisor"))) {
      logs = dirs.toList().get(0).resolve("logs");
    }
    long expected = 1;
    for (int n = 5; n >= 0; n--) {
      Path file = logs.resolve(n == 0 ? "output.log" : "output.log." + n);
      if (!Files.exists(file)) {
        continue;
      }
      try (BufferedReader in = Files.newBufferedReader(file)) {
        for (String line; (line = in.readLine()) != null; expected++) {
          if (!line.equals("o" + expected)) {
            throw new IllegalStateException("line " + expected + " is " + line);
          }
        }
      }
    }
    if (expected - 1 != lines) {
      throw new IllegalStateException("captured " + (expected - 1) + " of " + lines + " lines");
    }
    return Figure.of(
        name(),
        String.format(
            "log capture, %d lines (%.1f MB) from POST to EXITED, none lost",
            lines, bytes(lines) / 1e6),
        lines / seconds,
        "lines/s");
  }

  private Figure proxyOverhead(LocalPlatform platform, User user, String app, int requests)
      throws Exception {
    Map<String, Object> body = new java.util.HashMap<>(definition("web", app, "http"));
    body.put("visibility", "public");
    send(platform, user, "POST", "/api/v1/processes", body);
    while (!status(platform, user, "web").equals("RUNNING")) {
      Thread.sleep(20);
    }
    int port = process(platform, user, "web").path("port").asInt();
    String direct = "http://127.0.0.1:" + port + "/hello";
    String proxied = platform.gatewayUrl() + "/p/bench/web/hello";
    time(direct, requests / 4);
    time(proxied, requests / 4);
    List<Long> directNanos = time(direct, requests);
    List<Long> proxiedNanos = time(proxied, requests);
    double directP50 = pct(directNanos, 50) / 1e6;
    double proxiedP50 = pct(proxiedNanos, 50) / 1e6;
    return Figure.of(
        name(),
        String.format(
            "public route's overhead over a direct GET, concurrency 1, p50 (direct %.2f ms,"
                + " proxied %.2f ms)",
            directP50, proxiedP50),
        proxiedP50 - directP50,
        "ms");
  }

  private static List<Long> time(String url, int count) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long begin = System.nanoTime();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      nanos.add(System.nanoTime() - begin);
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + response.statusCode());
      }
    }
    Collections.sort(nanos);
    return nanos;
  }

  private static long bytes(int lines) {
    long total = 0;
    for (long digits = 1, from = 1; from <= lines; digits++, from *= 10) {
      long to = Math.min(lines, from * 10 - 1);
      total += (to - from + 1) * (digits + 1);
    }
    return total;
  }

  private static Map<String, Object> definition(String name, String app, String mode) {
    return Map.of(
        "name",
        name,
        "command",
        "python3",
        "args",
        List.of("-c", app, name),
        "mode",
        mode,
        "start_seconds",
        0);
  }

  private static long pct(List<Long> sorted, int percent) {
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
  }

  private static JsonNode process(LocalPlatform platform, User user, String name) throws Exception {
    return JSON.readTree(send(platform, user, "GET", "/api/v1/processes/" + name, null));
  }

  private static String status(LocalPlatform platform, User user, String name) throws Exception {
    return process(platform, user, name).path("status").asText();
  }

  private static String send(
      LocalPlatform platform, User user, String method, String path, Object body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
            .header("Authorization", "Bearer " + user.token())
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + ": " + response.body());
    }
    return response.body();
  }
}
