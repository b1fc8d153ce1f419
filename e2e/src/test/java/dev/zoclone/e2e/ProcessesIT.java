package dev.zoclone.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.e2e.support.LocalPlatform.User;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Users' processes end to end, over the packaged gateway, supervisor(s) and CLI jar: a public route
 * to an app started with {@code zo run}; a supervisor killed and started again, and a replica that
 * dies, leave every process running exactly once.
 */
class ProcessesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void aPublicRouteServesAnAppStartedWithZoRun() throws Exception {
    try (LocalPlatform platform = LocalPlatform.start("supervisor")) {
      String suffix = UUID.randomUUID().toString().substring(0, 6);
      User ada = platform.newUser("ada-" + suffix);
      User bob = platform.newUser("bob-" + suffix);
      String app = app();

      Cli run =
          zo(platform, ada, "run", "web", "--http", "--public", "--", "python3", "-c", app, "web");
      Cli hidden = zo(platform, ada, "run", "hidden", "--http", "--", "python3", "-c", app, "hid");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(hidden.exitCode()).as(hidden.err()).isZero();
      String base = platform.gatewayUrl() + "/p/ada-" + suffix;
      assertThat(run.out()).contains("url: " + base + "/web/");
      awaitTrue(() -> status(platform, ada, "web").equals("RUNNING"));
      awaitTrue(() -> status(platform, ada, "hidden").equals("RUNNING"));
      assertThat(zo(platform, ada, "open", "web").out().strip()).isEqualTo(base + "/web/");

      // Public: no token needed; the prefix is stripped and the token never reaches the app.
      HttpResponse<String> page = get(base + "/web/some/page?x=1", null);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .isEqualTo("web path=/some/page?x=1 prefix=/p/ada-" + suffix + "/web authorization=None");
      // Sandboxed: the page shares the console's origin, so its scripts get an opaque one.
      assertThat(page.headers().allValues("Content-Security-Policy"))
          .anySatisfy(
              policy ->
                  assertThat(policy).startsWith("sandbox ").doesNotContain("allow-same-origin"));
      assertThat(get(base + "/web/", bob.token()).body()).contains("authorization=None");

      // Private: the owner's token only.
      assertThat(get(base + "/hidden/", null).statusCode()).isEqualTo(401);
      assertThat(get(base + "/hidden/", bob.token()).statusCode()).isEqualTo(404);
      assertThat(get(base + "/hidden/x", ada.token()).body()).startsWith("hid path=/x ");
      assertThat(get(base + "/nothing/", ada.token()).statusCode()).isEqualTo(404);

      // Streaming: the first chunk comes a second before the last.
      long[] arrivals = chunkArrivals(base + "/web/stream");
      assertThat(arrivals[2] - arrivals[0]).isGreaterThan(1500);

      // A WebSocket through the route.
      assertThat(webSocketEcho(base.replace("http://", "ws://") + "/web/ws", "hello"))
          .isEqualTo("echo:hello");

      // Stopped: 503 problem+json once the gateway's short cache has passed.
      assertThat(zo(platform, ada, "stop", "web").out()).startsWith("web: STOPPED");
      awaitTrue(() -> get(base + "/web/", null).statusCode() == 503);
      HttpResponse<String> stopped = get(base + "/web/", null);
      assertThat(stopped.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(JSON.readTree(stopped.body()).path("type").asText())
          .endsWith("process-unavailable");
      assertThat(zo(platform, ada, "ps").out()).contains("web", "STOPPED", "hidden", "RUNNING");
    }
  }

  @Test
  void aSupervisorKilledAndStartedAgainRunsEachProcessOnceMore() throws Exception {
    try (LocalPlatform platform =
        LocalPlatform.builder()
            .service("supervisor")
            .property("supervisor", "zo.supervisor.lease-ttl", "3s")
            .start()) {
      User ada = platform.newUser("ada");
      String tag = "tag-" + UUID.randomUUID();
      create(platform, ada, "keeper", "always", tag);
      String onceTag = "tag-" + UUID.randomUUID();
      create(platform, ada, "once", "never", onceTag);
      awaitTrue(() -> status(platform, ada, "keeper").equals("RUNNING"));
      awaitTrue(() -> status(platform, ada, "once").equals("RUNNING"));
      long before = process(platform, ada, "keeper").path("pid").asLong();
      assertThat(copies(tag)).hasSize(1);

      platform.kill("supervisor");
      // The sandbox outlives a crashed supervisor; the next run must find and stop it.
      assertThat(copies(tag)).hasSize(1);
      platform.restart("supervisor");

      awaitTrue(
          () -> {
            JsonNode keeper = process(platform, ada, "keeper");
            return keeper.path("status").asText().equals("RUNNING")
                && keeper.path("pid").asLong() != before;
          });
      awaitTrue(() -> status(platform, ada, "once").equals("EXITED"));
      assertThat(ProcessHandle.of(before).filter(ProcessHandle::isAlive)).isEmpty();
      assertThat(copies(tag)).hasSize(1);
      assertThat(copies(onceTag)).isEmpty();
      assertThat(process(platform, ada, "keeper").path("restarts").asInt()).isEqualTo(1);
    }
  }

  @Test
  void aReplicasDeathMovesItsProcessesToAnotherReplica() throws Exception {
    // The gateway talks to "supervisor"; "supervisor-a" is the replica that will die.
    try (LocalPlatform platform =
        LocalPlatform.builder()
            .service("supervisor")
            .replica("supervisor", "supervisor-a")
            .property("supervisor", "zo.supervisor.lease-ttl", "3s")
            .property("supervisor-a", "zo.supervisor.lease-ttl", "3s")
            .start()) {
      User ada = platform.newUser("ada");
      String tag = "tag-" + UUID.randomUUID();
      Map<String, Object> body = definition("mover", "always", tag);
      body.put("mode", "http");
      body.put("visibility", "public");
      HttpResponse<String> created =
          HTTP.send(
              direct(platform, "supervisor-a", ada, "/api/v1/processes")
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      awaitTrue(() -> status(platform, ada, "mover").equals("RUNNING"));
      long before = process(platform, ada, "mover").path("pid").asLong();
      assertThat(get(platform.gatewayUrl() + "/p/ada/mover/", null).body()).startsWith(tag);

      platform.kill("supervisor-a");

      awaitTrue(
          () -> {
            JsonNode mover = process(platform, ada, "mover");
            return mover.path("status").asText().equals("RUNNING")
                && mover.path("pid").asLong() != before;
          });
      assertThat(ProcessHandle.of(before).filter(ProcessHandle::isAlive)).isEmpty();
      assertThat(copies(tag)).hasSize(1);
      awaitTrue(() -> get(platform.gatewayUrl() + "/p/ada/mover/", null).statusCode() == 200);
      assertThat(get(platform.gatewayUrl() + "/p/ada/mover/x", null).body())
          .startsWith(tag + " path=/x");
    }
  }

  // --- helpers ---

  private static String app() throws Exception {
    try (InputStream in = ProcessesIT.class.getResourceAsStream("/processes/app.py")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Map<String, Object> definition(String name, String restart, String tag)
      throws Exception {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("name", name);
    body.put("command", "python3");
    body.put("args", List.of("-c", app(), tag));
    body.put("mode", "http");
    body.put("restart", restart);
    return body;
  }

  private static void create(
      LocalPlatform platform, User user, String name, String restart, String tag) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            api(platform, user, "/api/v1/processes")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(definition(name, restart, tag))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  /** The python processes (inside their sandboxes) started with {@code tag} as their argument. */
  private static List<ProcessHandle> copies(String tag) {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(
            h ->
                h.info()
                    .command()
                    .map(c -> c.endsWith("python3") || c.contains("python3."))
                    .orElse(false))
        .filter(h -> h.info().arguments().map(a -> List.of(a).contains(tag)).orElse(false))
        .toList();
  }

  private static HttpRequest.Builder api(LocalPlatform platform, User user, String path) {
    return HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
        .header("Authorization", "Bearer " + user.token())
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30));
  }

  private static HttpRequest.Builder direct(
      LocalPlatform platform, String service, User user, String path) {
    return HttpRequest.newBuilder(URI.create(platform.service(service).url() + path))
        .header("X-Zo-Internal-Secret", platform.internalSecret())
        .header("X-Zo-User", user.id())
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30));
  }

  private static JsonNode process(LocalPlatform platform, User user, String name) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              api(platform, user, "/api/v1/processes/" + name).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200
          ? JSON.readTree(response.body())
          : JSON.createObjectNode();
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }

  private static String status(LocalPlatform platform, User user, String name) {
    return process(platform, user, name).path("status").asText();
  }

  private static HttpResponse<String> get(String url, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** When each of the three chunks of {@code /stream} arrived, in ms since the request. */
  private static long[] chunkArrivals(String url) throws Exception {
    long start = System.nanoTime();
    HttpResponse<InputStream> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    long[] arrivals = new long[3];
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (int i = 0; i < 3; i++) {
        assertThat(in.readLine()).isEqualTo("chunk" + i);
        arrivals[i] = (System.nanoTime() - start) / 1_000_000;
      }
    }
    return arrivals;
  }

  private static String webSocketEcho(String url, String message) throws Exception {
    CompletableFuture<String> reply = new CompletableFuture<>();
    WebSocket socket =
        HTTP.newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(
                URI.create(url),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    reply.complete(data.toString());
                    return null;
                  }

                  @Override
                  public void onError(WebSocket ws, Throwable error) {
                    reply.completeExceptionally(error);
                  }
                })
            .get(30, TimeUnit.SECONDS);
    socket.sendText(message, true).get(10, TimeUnit.SECONDS);
    String answer = reply.get(30, TimeUnit.SECONDS);
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    return answer;
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 90 s");
      }
      Thread.sleep(200);
    }
  }

  /** A finished run of the CLI jar. */
  record Cli(int exitCode, String out, String err) {}

  /** Runs {@code java -jar cli/target/zo.jar --url <gateway> --token <token> args...}. */
  private static Cli zo(LocalPlatform platform, User user, String... args) throws Exception {
    Path jar = platform.repoRoot().resolve("cli/target/zo.jar");
    assertThat(jar).as("the CLI is packaged before the e2e module runs").isRegularFile();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.add("--url");
    command.add(platform.gatewayUrl());
    command.add("--token");
    command.add(user.token());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("zo-e2e-out", ".txt");
    Path err = Files.createTempFile("zo-e2e-err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("ZO_HOME", platform.home().toString());
    Process process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("zo " + String.join(" ", args) + " did not finish");
    }
    Cli cli =
        new Cli(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return cli;
  }
}
