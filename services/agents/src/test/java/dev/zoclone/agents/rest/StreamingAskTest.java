package dev.zoclone.agents.rest;

import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.testing.fakemodel.Disconnect;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class StreamingAskTest {
  static final FakeOpenAiServer MODEL = new FakeOpenAiServer();

  @TestHTTPResource("/")
  URI base;

  @AfterAll
  static void stop() {
    MODEL.close();
  }

  /** One SSE line and when it arrived. */
  record Line(String text, long atMs) {}

  private HttpRequest streamedAsk(String user, String body) {
    return HttpRequest.newBuilder(base.resolve("/api/v1/ask"))
        .header("X-Zo-Internal-Secret", "test-internal-secret")
        .header("X-Zo-User", user)
        .header("Content-Type", "application/json")
        .header("Accept", "text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  private List<Line> streamAsk(String user, String body) throws Exception {
    HttpRequest request = streamedAsk(user, body);
    long start = System.nanoTime();
    HttpResponse<java.util.stream.Stream<String>> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    List<Line> lines = new ArrayList<>();
    response
        .body()
        .filter(l -> !l.isBlank())
        .forEach(l -> lines.add(new Line(l, (System.nanoTime() - start) / 1_000_000)));
    return lines;
  }

  @Test
  void streamedAskForwardsEachTokenAsItArrivesThenEnds() throws Exception {
    String user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", "sk-stream-0123456789", "gpt-4o-mini");
    MODEL.enqueue(Reply.stream("Hel", "lo", " there").chunkDelay(Duration.ofMillis(300)));

    List<Line> lines =
        streamAsk(user, "{\"input\":\"hi\",\"model_name\":\"openai:gpt-4o-mini\",\"stream\":true}");

    List<String> text = lines.stream().map(Line::text).toList();
    assertThat(text)
        .containsSubsequence(
            "event: FrontendModelResponse",
            "data: {\"content\":\"Hel\"}",
            "event: FrontendModelResponse",
            "data: {\"content\":\"lo\"}",
            "event: FrontendModelResponse",
            "data: {\"content\":\" there\"}",
            "event: End");
    String end = text.get(text.size() - 1);
    assertThat(end).contains("\"output\":\"Hello there\"").contains("conversation_id");
    long firstToken = lines.get(text.indexOf("data: {\"content\":\"Hel\"}")).atMs();
    long endAt = lines.get(lines.size() - 1).atMs();
    assertThat(endAt - firstToken)
        .as("the first token left before the answer was complete")
        .isGreaterThanOrEqualTo(400);
    assertThat(MODEL.lastRequest().json().path("stream").asBoolean()).isTrue();
  }

  /** Over HTTP/2 a hang-up resets the stream; over HTTP/1.1 only the connection closes. */
  @ParameterizedTest
  @EnumSource(HttpClient.Version.class)
  void aClientThatHangsUpStopsTheProviderStream(HttpClient.Version version) throws Exception {
    String user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", "sk-stream-0123456789", "gpt-4o-mini");
    MODEL.enqueue(
        Reply.stream("one", " two", " three", " four", " five", " six", " seven", " eight")
            .chunkDelay(Duration.ofMillis(300)));
    int hungUpBefore = MODEL.disconnects().size();
    HttpRequest request =
        streamedAsk(
            user, "{\"input\":\"hi\",\"model_name\":\"openai:gpt-4o-mini\",\"stream\":true}");
    HttpResponse<InputStream> response =
        HttpClient.newBuilder()
            .version(version)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader events =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = events.readLine()) != null && !line.equals("data: {\"content\":\"one\"}")) {
        // Reads up to the first token, then hangs up.
      }
      assertThat(line).as("the first token arrived").isNotNull();
    }
    long hungUpAt = System.nanoTime();

    List<Disconnect> hungUp = MODEL.awaitDisconnects(hungUpBefore + 1, Duration.ofSeconds(2));

    assertThat((System.nanoTime() - hungUpAt) / 1_000_000)
        .as("the provider's stream was closed long before its remaining 2.1 s had streamed")
        .isLessThan(1500);
    assertThat(hungUp.get(hungUp.size() - 1).request().json().path("stream").asBoolean()).isTrue();
  }

  @Test
  void aProviderFailureDuringAStreamIsAnErrorEvent() throws Exception {
    String user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", "sk-stream-0123456789", "gpt-4o-mini");
    MODEL.enqueue(Reply.error(400, "bad model"));

    List<String> text =
        streamAsk(user, "{\"input\":\"hi\",\"model_name\":\"openai:gpt-4o-mini\",\"stream\":true}")
            .stream()
            .map(Line::text)
            .toList();

    assertThat(text).contains("event: Error");
    assertThat(text.get(text.size() - 1)).contains("bad model");
  }
}
