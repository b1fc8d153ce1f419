package dev.zoclone.testing.fakemodel;

import static dev.zoclone.testing.fakemodel.ModelHttp.dataOf;
import static dev.zoclone.testing.fakemodel.ModelHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.testing.fakemodel.ModelHttp.TimedLine;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeAnthropicServerTest {

  private static final String MESSAGES = "/v1/messages";
  private static final String ASK =
      """
      {"model":"claude-sonnet-4-5","max_tokens":256,
       "messages":[{"role":"user","content":"What did I say yesterday?"}]}
      """;
  private static final String ASK_STREAMED =
      """
      {"model":"claude-sonnet-4-5","max_tokens":256,"stream":true,
       "messages":[{"role":"user","content":"hi"}]}
      """;

  private FakeAnthropicServer server;
  private ModelHttp http;

  @BeforeEach
  void start() {
    server = new FakeAnthropicServer();
    http = new ModelHttp(server.baseUrl());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answersScriptedTextAsMessageWithTextBlockAndUsage() {
    server.enqueue(Reply.text("Hello there"));

    HttpResponse<String> response = http.post(MESSAGES, ASK);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response.body());
    assertThat(body.path("type").asText()).isEqualTo("message");
    assertThat(body.path("role").asText()).isEqualTo("assistant");
    assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-5");
    assertThat(body.path("content")).hasSize(1);
    assertThat(body.at("/content/0/type").asText()).isEqualTo("text");
    assertThat(body.at("/content/0/text").asText()).isEqualTo("Hello there");
    assertThat(body.path("stop_reason").asText()).isEqualTo("end_turn");
    assertThat(body.at("/usage/input_tokens").asInt()).isPositive();
    assertThat(body.at("/usage/output_tokens").asInt()).isPositive();
  }

  @Test
  void answersToolUseBlocksAfterTheTextWithStopReasonToolUse() {
    server.enqueue(
        Reply.toolCalls(
                ToolCall.of("recall_memory", "{\"query\":\"x\"}"),
                new ToolCall("toolu_time", "current_time", "{}"))
            .withText("Let me look.")
            .usage(40, 12));

    JsonNode body = json(http.post(MESSAGES, ASK).body());

    assertThat(body.path("stop_reason").asText()).isEqualTo("tool_use");
    JsonNode content = body.path("content");
    assertThat(content.findValuesAsText("type")).containsExactly("text", "tool_use", "tool_use");
    assertThat(content.at("/0/text").asText()).isEqualTo("Let me look.");
    assertThat(content.at("/1/id").asText()).startsWith("toolu_");
    assertThat(content.at("/1/name").asText()).isEqualTo("recall_memory");
    assertThat(content.at("/1/input")).isEqualTo(json("{\"query\":\"x\"}"));
    assertThat(content.at("/2/id").asText()).isEqualTo("toolu_time");
    assertThat(body.at("/usage/input_tokens").asInt()).isEqualTo(40);
    assertThat(body.at("/usage/output_tokens").asInt()).isEqualTo(12);
  }

  @Test
  void streamsNamedEventsPieceByPieceSoTheFirstArrivesBeforeTheLastIsSent() {
    server.enqueue(Reply.stream("He", "llo", "!").chunkDelay(Duration.ofMillis(100)));

    List<TimedLine> lines = http.postAndTimeLines(MESSAGES, ASK_STREAMED);

    assertThat(eventNames(lines))
        .containsExactly(
            "message_start",
            "content_block_start",
            "content_block_delta",
            "content_block_delta",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop");
    List<JsonNode> data = dataOf(lines);
    assertThat(data)
        .filteredOn(d -> d.at("/delta/type").asText().equals("text_delta"))
        .extracting(d -> d.at("/delta/text").asText())
        .containsExactly("He", "llo", "!");
    assertThat(data.get(0).at("/message/usage/input_tokens").asInt()).isPositive();
    assertThat(data.get(6).at("/delta/stop_reason").asText()).isEqualTo("end_turn");
    assertThat(data.get(6).at("/usage/output_tokens").asInt()).isPositive();
    // Five more events follow the first piece, 100 ms apart; had the body been buffered, the
    // first piece would arrive together with the last.
    List<TimedLine> dataLines = lines.stream().filter(l -> l.text().startsWith("data:")).toList();
    long firstPiece = dataLines.get(2).arrivedAtNanos();
    long last = dataLines.get(dataLines.size() - 1).arrivedAtNanos();
    assertThat(Duration.ofNanos(last - firstPiece)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void streamsToolUseInputAsJsonDeltas() {
    server.enqueue(Reply.toolCall("recall_memory", "{\"query\":\"yesterday\"}"));

    List<JsonNode> data = dataOf(http.postAndTimeLines(MESSAGES, ASK_STREAMED));

    JsonNode blockStart =
        data.stream()
            .filter(d -> d.path("type").asText().equals("content_block_start"))
            .findFirst()
            .orElseThrow();
    assertThat(blockStart.at("/content_block/type").asText()).isEqualTo("tool_use");
    assertThat(blockStart.at("/content_block/name").asText()).isEqualTo("recall_memory");
    StringBuilder input = new StringBuilder();
    data.stream()
        .filter(d -> d.at("/delta/type").asText().equals("input_json_delta"))
        .forEach(d -> input.append(d.at("/delta/partial_json").asText()));
    assertThat(json(input.toString())).isEqualTo(json("{\"query\":\"yesterday\"}"));
    JsonNode messageDelta =
        data.stream()
            .filter(d -> d.path("type").asText().equals("message_delta"))
            .findFirst()
            .orElseThrow();
    assertThat(messageDelta.at("/delta/stop_reason").asText()).isEqualTo("tool_use");
  }

  @Test
  void answersRateLimitWithRetryAfterAndAnAnthropicErrorBody() {
    server.enqueue(Reply.error(429, "rate limited").retryAfterSeconds(2));

    HttpResponse<String> response = http.post(MESSAGES, ASK);

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("retry-after")).contains("2");
    JsonNode body = json(response.body());
    assertThat(body.path("type").asText()).isEqualTo("error");
    assertThat(body.at("/error/type").asText()).isEqualTo("rate_limit_error");
    assertThat(body.at("/error/message").asText()).isEqualTo("rate limited");
  }

  @Test
  void answersOverloadedWithAnthropicsErrorType() {
    server.enqueue(Reply.error(529, "Overloaded"));

    HttpResponse<String> response = http.post(MESSAGES, ASK);

    assertThat(response.statusCode()).isEqualTo(529);
    assertThat(json(response.body()).at("/error/type").asText()).isEqualTo("overloaded_error");
  }

  @Test
  void recordsRequestsWithAnthropicHeadersAndBody() {
    server.enqueue(Reply.text("ok"));

    http.post(MESSAGES, ASK, "x-api-key", "test-key", "anthropic-version", "2023-06-01");

    RecordedRequest request = server.lastRequest();
    assertThat(request.path()).isEqualTo(MESSAGES);
    assertThat(request.header("X-Api-Key")).contains("test-key");
    assertThat(request.header("anthropic-version")).contains("2023-06-01");
    assertThat(request.json().path("max_tokens").asInt()).isEqualTo(256);
    assertThat(request.body()).contains("What did I say yesterday?");
  }

  @Test
  void answersAClearErrorWhenNoReplyWasScripted() {
    HttpResponse<String> response = http.post(MESSAGES, ASK);

    assertThat(response.statusCode()).isEqualTo(500);
    JsonNode body = json(response.body());
    assertThat(body.path("type").asText()).isEqualTo("error");
    assertThat(body.at("/error/message").asText())
        .contains("FakeAnthropicServer", "no reply was scripted", "POST /v1/messages");
  }

  private static List<String> eventNames(List<TimedLine> lines) {
    return lines.stream()
        .map(TimedLine::text)
        .filter(line -> line.startsWith("event: "))
        .map(line -> line.substring("event: ".length()))
        .toList();
  }
}
