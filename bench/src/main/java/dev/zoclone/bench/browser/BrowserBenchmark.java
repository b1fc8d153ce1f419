package dev.zoclone.bench.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.zoclone.bench.Benchmark;
import dev.zoclone.bench.Figure;
import dev.zoclone.e2e.support.LocalPlatform;
import java.io.IOException;
import java.net.InetSocketAddress;
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
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Browser figures through the gateway (not a test): warm navigate + screenshot of a local page at
 * concurrency 1 and 8, new session to first screenshot, and the PSS of the Chromium processes per
 * session at 1, 10 and 50 sessions. It starts its own packaged gateway and browser (two workers)
 * with {@link LocalPlatform}.
 */
public final class BrowserBenchmark implements Benchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int ROUNDS = 200;

  @Override
  public String name() {
    return "browser";
  }

  @Override
  public List<Figure> run() throws Exception {
    List<Figure> figures = new ArrayList<>();
    HttpServer pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] page =
        ("<!doctype html><html><head><title>Bench</title></head><body><h1>Benchmark page</h1>"
                + "<p>"
                + "Some text. ".repeat(200)
                + "</p><ul><li>one</li><li>two</li></ul></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    pages.createContext(
        "/",
        e -> {
          e.getResponseHeaders().add("Content-Type", "text/html");
          e.sendResponseHeaders(200, page.length);
          e.getResponseBody().write(page);
          e.close();
        });
    pages.setExecutor(Executors.newFixedThreadPool(4));
    pages.start();
    String url = "http://127.0.0.1:" + pages.getAddress().getPort() + "/";
    try (LocalPlatform platform =
        LocalPlatform.builder()
            .service("browser")
            .property("browser", "zo.platform.egress.allow-private", "true")
            .property("browser", "zo.browser.max-sessions", "60")
            .property("browser", "zo.browser.max-sessions-per-user", "60")
            .start()) {
      String token =
          platform.newUser("bench-" + UUID.randomUUID().toString().substring(0, 8)).token();
      Client client = new Client(platform.gatewayUrl(), token);
      figures.addAll(warm(client, url, 1));
      figures.addAll(warm(client, url, 8));
      figures.add(newSession(client, url));
      long browserPid = platform.service("browser").pid();
      for (int sessions : List.of(1, 10, 50)) {
        figures.add(memory(client, url, browserPid, sessions));
      }
    } finally {
      pages.stop(0);
    }
    return figures;
  }

  private List<Figure> warm(Client client, String url, int concurrency) throws Exception {
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      String id = client.open();
      client.post("/api/v1/browser/sessions/" + id + "/navigate", "{\"url\":\"" + url + "\"}");
      sessions.add(id);
    }
    for (String id : sessions) {
      for (int i = 0; i < 5; i++) {
        navigateAndShoot(client, id, url);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Long> times = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> running = new ArrayList<>();
    long start = System.nanoTime();
    for (String id : sessions) {
      running.add(
          pool.submit(
              () -> {
                for (int i = 0; i < ROUNDS / concurrency; i++) {
                  long t = System.nanoTime();
                  navigateAndShoot(client, id, url);
                  times.add((System.nanoTime() - t) / 1_000_000);
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    for (String id : sessions) {
      client.delete("/api/v1/browser/sessions/" + id);
    }
    String what = "warm navigate + screenshot, concurrency " + concurrency;
    return List.of(
        Figure.of(
            name(),
            what + ", p50 (p95 " + percentile(times, 95) + " ms)",
            percentile(times, 50),
            "ms"),
        Figure.of(name(), what + ", throughput", times.size() / seconds, "/s"));
  }

  private Figure newSession(Client client, String url) throws Exception {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long t = System.nanoTime();
      String id = client.open();
      navigateAndShoot(client, id, url);
      times.add((System.nanoTime() - t) / 1_000_000);
      client.delete("/api/v1/browser/sessions/" + id);
    }
    return Figure.atMost(
        name(),
        "new session → navigate → first screenshot, p50 (p95 " + percentile(times, 95) + " ms)",
        percentile(times, 50),
        "ms",
        500);
  }

  private Figure memory(Client client, String url, long browserPid, int count) throws Exception {
    long baseline = chromiumPssKb(browserPid);
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = client.open();
      client.post("/api/v1/browser/sessions/" + id + "/navigate", "{\"url\":\"" + url + "\"}");
      sessions.add(id);
    }
    Thread.sleep(2000);
    long loaded = chromiumPssKb(browserPid);
    for (String id : sessions) {
      client.delete("/api/v1/browser/sessions/" + id);
    }
    return Figure.atLeast(
        name(),
        String.format(
            Locale.ROOT,
            "sessions per GB of Chromium PSS with %d open (%d MB in all, %d MB with none open)",
            count,
            loaded / 1024,
            baseline / 1024),
        1024.0 * 1024 / Math.max(1, (loaded - baseline) / count),
        "",
        20);
  }

  private static void navigateAndShoot(Client client, String id, String url) throws Exception {
    client.post("/api/v1/browser/sessions/" + id + "/navigate", "{\"url\":\"" + url + "\"}");
    client.post("/api/v1/browser/sessions/" + id + "/screenshot", "{}");
  }

  /** The PSS of every Chromium process under the browser service, in kB. */
  private static long chromiumPssKb(long servicePid) {
    return ProcessHandle.of(servicePid).stream()
        .flatMap(ProcessHandle::descendants)
        .filter(p -> cmdline(p.pid()).contains("chromium"))
        .mapToLong(p -> pssKb(p.pid()))
        .sum();
  }

  private static long pssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
        if (line.startsWith("Pss:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  private static String cmdline(long pid) {
    try {
      return new String(
          Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  /** Calls through the gateway with one user's token. */
  private record Client(String base, String token) {
    String open() throws Exception {
      JsonNode session = JSON.readTree(post("/api/v1/browser/sessions", "{}"));
      return session.path("id").asText();
    }

    String post(String path, String body) throws Exception {
      HttpResponse<byte[]> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .timeout(Duration.ofMinutes(2))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(
            path
                + " answered "
                + response.statusCode()
                + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
      }
      return new String(response.body(), StandardCharsets.UTF_8);
    }

    void delete(String path) throws Exception {
      HTTP.send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Authorization", "Bearer " + token)
              .DELETE()
              .build(),
          HttpResponse.BodyHandlers.discarding());
    }
  }
}
