package dev.zoclone.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged gateway, agents and memory as processes, a fake OpenAI server that streams slowly,
 * and the CLI jar: a user's ask streams token by token through the gateway, and {@code zo keys
 * set}, {@code zo ask} and {@code zo ask --stream} work against it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AskThroughGatewayIT {
  private static final Duration CHUNK_DELAY = Duration.ofMillis(300);

  static FakeOpenAiServer model;
  static LocalPlatform platform;
  static String token;
  static String userId;

  @BeforeAll
  static void start() throws Exception {
    model = new FakeOpenAiServer();
    platform = LocalPlatform.start("agents", "memory");
    LocalPlatform.User user =
        platform.newUser("e2e-" + UUID.randomUUID().toString().substring(0, 8));
    token = user.token();
    userId = user.id();
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
    if (model != null) {
      model.close();
    }
  }

  /** One line of a stream and when it arrived, in ms since the request left. */
  record Line(String text, long atMs) {}

  @Test
  @Order(1)
  void anAskStreamsEachTokenThroughTheGatewayAsTheModelSendsIt() throws Exception {
    platform.putKey(token, "openai", model.baseUrl(), "gpt-4o-mini");

    String ask = "{\"input\":\"hi\",\"model_name\":\"openai:gpt-4o-mini\",\"stream\":true}";
    // A first streamed ask warms the JVMs up: cold, agents can take longer to parse the provider's
    // first stream than the fake takes to send it, and the tokens would then leave together.
    model.enqueue(Reply.stream("warm", "up").chunkDelay(Duration.ofMillis(50)));
    assertThat(streamAsk(platform.gatewayUrl(), false, ask)).isNotEmpty();
    model.enqueue(Reply.stream("Hel", "lo", " there", "!").chunkDelay(CHUNK_DELAY));
    List<Line> direct = streamAsk(platform.service("agents").url(), true, ask);
    model.enqueue(Reply.stream("Hel", "lo", " there", "!").chunkDelay(CHUNK_DELAY));
    List<Line> lines = streamAsk(platform.gatewayUrl(), false, ask);
    assertThat(spread(direct))
        .as("agents itself streamed: %s", direct)
        .isGreaterThanOrEqualTo(3 * CHUNK_DELAY.toMillis() - 150);

    List<String> text = lines.stream().map(Line::text).toList();
    assertThat(text)
        .containsSubsequence(
            "event: FrontendModelResponse",
            "data: {\"content\":\"Hel\"}",
            "event: FrontendModelResponse",
            "data: {\"content\":\"lo\"}",
            "event: FrontendModelResponse",
            "data: {\"content\":\" there\"}",
            "event: FrontendModelResponse",
            "data: {\"content\":\"!\"}",
            "event: End");
    assertThat(text.get(text.size() - 1))
        .contains("\"output\":\"Hello there!\"")
        .contains("conversation_id");
    long firstToken = lines.get(text.indexOf("data: {\"content\":\"Hel\"}")).atMs();
    long lastToken = lines.get(text.indexOf("data: {\"content\":\"!\"}")).atMs();
    assertThat(lastToken - firstToken)
        .as(
            "the gateway passed the first token on %s ms before the last, not all at the end",
            lastToken - firstToken)
        .isGreaterThanOrEqualTo(3 * CHUNK_DELAY.toMillis() - 150);
    assertThat(model.lastRequest().json().path("stream").asBoolean()).isTrue();
    assertThat(model.lastRequest().header("Authorization"))
        .hasValue("Bearer sk-e2e-0123456789abcd");
  }

  @Test
  @Order(2)
  void theCliSetsAKeyAsksAndStreams() throws Exception {
    Cli set =
        zo(
            "keys",
            "set",
            "lab",
            "--provider",
            "openai_compatible",
            "--key",
            "sk-lab-0123456789wxyz",
            "--base-url",
            model.baseUrl() + "/v1",
            "--default-model",
            "llama3.2");
    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(set.out()).contains("lab").doesNotContain("sk-lab-0123456789wxyz");

    model.enqueue(Reply.text("Hello from the fake model"));
    Cli ask = zo("ask", "--model", "lab:llama3.2", "hello");
    assertThat(ask.exitCode()).as(ask.err()).isZero();
    assertThat(ask.out()).isEqualTo("Hello from the fake model\n");
    assertThat(ask.err()).contains("(conversation ");
    assertThat(model.lastRequest().model()).hasValue("llama3.2");

    model.enqueue(Reply.stream("One", " two", " three", " four").chunkDelay(CHUNK_DELAY));
    Cli streamed = zo("ask", "--stream", "--model", "lab", "hello");
    assertThat(streamed.exitCode()).as(streamed.err()).isZero();
    assertThat(streamed.out()).isEqualTo("One two three four\n");
    assertThat(streamed.err()).contains("(conversation ");
    assertThat(streamed.firstOutputMs())
        .as("zo printed the first token well before it exited")
        .isLessThan(streamed.exitMs() - 3 * CHUNK_DELAY.toMillis() + 150);
  }

  @Test
  @Order(3)
  void hangingUpOnTheGatewayStopsTheModelsStream() throws Exception {
    // The JDK client's default: HTTP/2, agreed by upgrade with the gateway.
    hangUpAfterTheFirstToken(HttpClient.newHttpClient());
  }

  @Test
  @Order(4)
  void hangingUpAnHttp1StreamOnTheGatewayStopsTheModelsStream() throws Exception {
    // The client's hang-up is a closed connection; agents must still hear of it.
    hangUpAfterTheFirstToken(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
  }

  @Test
  @Order(5)
  void streamsHungUpMidwayDoNotEndTheOtherStreamsThroughTheGateway() throws Exception {
    int asks = 24;
    for (int i = 0; i < asks; i++) {
      model.enqueue(
          Reply.stream("a", " b", " c", " d", " e", " f").chunkDelay(Duration.ofMillis(150)));
    }
    ExecutorService clients = Executors.newFixedThreadPool(asks);
    try {
      List<Future<String>> outcomes = new ArrayList<>();
      for (int i = 0; i < asks; i++) {
        boolean hangUp = i % 2 == 0;
        outcomes.add(clients.submit(() -> streamThroughTheGateway(hangUp)));
      }
      for (int i = 0; i < asks; i++) {
        String outcome = outcomes.get(i).get(2, TimeUnit.MINUTES);
        if (i % 2 == 0) {
          assertThat(outcome).isEqualTo("hung up");
        } else {
          assertThat(outcome)
              .as("ask %d, beside twelve that hung up after their first token", i)
              .contains("\"output\":\"a b c d e f\"");
        }
      }
    } finally {
      clients.shutdownNow();
    }
  }

  /**
   * Streams one ask through the gateway on a connection of its own; hangs up after the first token
   * when told to, or reads to the end and returns the last line.
   */
  private String streamThroughTheGateway(boolean hangUp) throws Exception {
    HttpRequest request = streamedAsk();
    HttpResponse<InputStream> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader events =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      String last = "(nothing)";
      while ((line = events.readLine()) != null) {
        if (hangUp && line.equals("data: {\"content\":\"a\"}")) {
          return "hung up";
        }
        last = line.isBlank() ? last : line;
      }
      return last;
    }
  }

  /** Asks with a slow stream through the gateway, reads the first token, then hangs up. */
  private void hangUpAfterTheFirstToken(HttpClient client) throws Exception {
    model.enqueue(
        Reply.stream("one", " two", " three", " four", " five", " six", " seven", " eight")
            .chunkDelay(CHUNK_DELAY));
    int hungUpBefore = model.disconnects().size();
    HttpRequest request = streamedAsk();
    HttpResponse<InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader events =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = events.readLine()) != null && !line.equals("data: {\"content\":\"one\"}")) {
        // Reads up to the first token, then hangs up.
      }
      assertThat(line).as("the first token arrived through the gateway").isNotNull();
    }
    long hungUpAt = System.nanoTime();

    model.awaitDisconnects(hungUpBefore + 1, Duration.ofSeconds(3));

    assertThat((System.nanoTime() - hungUpAt) / 1_000_000)
        .as("the model's stream was closed long before its remaining 2.1 s had streamed")
        .isLessThan(2000);
  }

  /** A streamed ask through the gateway as the test's user. */
  private static HttpRequest streamedAsk() {
    return HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/ask"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .header("Accept", "text/event-stream")
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "{\"input\":\"hi\",\"model_name\":\"openai:gpt-4o-mini\",\"stream\":true}"))
        .timeout(Duration.ofSeconds(60))
        .build();
  }

  private HttpResponse<String> call(String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(60))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Milliseconds between the first token's line and the last token's line. */
  private static long spread(List<Line> lines) {
    List<Line> tokens =
        lines.stream().filter(l -> l.text().startsWith("data: {\"content\"")).toList();
    return tokens.isEmpty() ? -1 : tokens.get(tokens.size() - 1).atMs() - tokens.get(0).atMs();
  }

  private List<Line> streamAsk(String baseUrl, boolean direct, String body) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/ask"));
    if (direct) {
      builder.header("X-Zo-Internal-Secret", platform.internalSecret()).header("X-Zo-User", userId);
    } else {
      builder.header("Authorization", "Bearer " + token);
    }
    HttpRequest request =
        builder
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(60))
            .build();
    long start = System.nanoTime();
    HttpResponse<java.util.stream.Stream<String>> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    List<Line> lines = new ArrayList<>();
    try (java.util.stream.Stream<String> stream = response.body()) {
      stream
          .filter(l -> !l.isBlank())
          .forEach(l -> lines.add(new Line(l, (System.nanoTime() - start) / 1_000_000)));
    }
    return lines;
  }

  /** A finished run of the CLI jar: exit code, output, and when output first came and it ended. */
  record Cli(int exitCode, String out, String err, long firstOutputMs, long exitMs) {}

  /** Runs {@code java -jar cli/target/zo.jar --url <gateway> --token <token> args...}. */
  private static Cli zo(String... args) throws Exception {
    Path jar = platform.repoRoot().resolve("cli/target/zo.jar");
    assertThat(jar).as("the CLI is packaged before the e2e module runs").isRegularFile();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.add("--url");
    command.add(platform.gatewayUrl());
    command.add("--token");
    command.add(token);
    command.addAll(List.of(args));
    Path err = Files.createTempFile("zo-e2e-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
    builder.environment().put("ZO_HOME", platform.home().toString());
    long start = System.nanoTime();
    Process process = builder.start();
    StringBuilder out = new StringBuilder();
    long firstOutput = -1;
    try (InputStream in = process.getInputStream()) {
      byte[] buffer = new byte[256];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        if (n > 0 && firstOutput < 0) {
          firstOutput = (System.nanoTime() - start) / 1_000_000;
        }
        out.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
    }
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("zo " + String.join(" ", args) + " did not finish");
    }
    long exit = (System.nanoTime() - start) / 1_000_000;
    String errText = Files.readString(err, StandardCharsets.UTF_8);
    Files.deleteIfExists(err);
    return new Cli(process.exitValue(), out.toString(), errText, firstOutput, exit);
  }
}
