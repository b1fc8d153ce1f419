package dev.zoclone.testing.fakemodel;

import static dev.zoclone.testing.fakemodel.ModelHttp.dataOf;
import static dev.zoclone.testing.fakemodel.ModelHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.testing.fakemodel.ModelHttp.TimedLine;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeOpenAiServerTest {

  private static final String CHAT = "/v1/chat/completions";
  private static final String ASK =
      """
      {"model":"gpt-4o-mini","messages":[{"role":"user","content":"What did I say yesterday?"}]}
      """;
  private static final String ASK_STREAMED =
      """
      {"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"hi"}]}
      """;

  private FakeOpenAiServer server;
  private ModelHttp http;

  @BeforeEach
  void start() {
    server = new FakeOpenAiServer();
    http = new ModelHttp(server.baseUrl());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answersScriptedTextAsChatCompletionWithEstimatedUsage() {
    server.enqueue(Reply.text("Hello there"));

    HttpResponse<String> response = http.post(CHAT, ASK);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode body = json(response.body());
    assertThat(body.path("object").asText()).isEqualTo("chat.completion");
    assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
    JsonNode choice = body.path("choices").path(0);
    assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
    assertThat(choice.path("message").path("content").asText()).isEqualTo("Hello there");
    assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
    JsonNode usage = body.path("usage");
    assertThat(usage.path("prompt_tokens").asInt()).isPositive();
    assertThat(usage.path("completion_tokens").asInt()).isPositive();
    assertThat(usage.path("total_tokens").asInt())
        .isEqualTo(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt());
  }

  @Test
  void reportsTheUsageTheReplyScripts() {
    server.enqueue(Reply.text("ok").usage(120, 7));

    JsonNode usage = json(http.post(CHAT, ASK).body()).path("usage");

    assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(120);
    assertThat(usage.path("completion_tokens").asInt()).isEqualTo(7);
    assertThat(usage.path("total_tokens").asInt()).isEqualTo(127);
  }

  @Test
  void answersSeveralToolCallsWithIdsNamesAndJsonArguments() {
    server.enqueue(
        Reply.toolCalls(
            new ToolCall("call_recall", "recall_memory", "{\"query\":\"x\"}"),
            ToolCall.of("current_time", "{}")));

    JsonNode body = json(http.post(CHAT, ASK).body());

    JsonNode choice = body.path("choices").path(0);
    assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
    assertThat(choice.path("message").path("content").isNull()).isTrue();
    JsonNode calls = choice.path("message").path("tool_calls");
    assertThat(calls).hasSize(2);
    assertThat(calls.path(0).path("id").asText()).isEqualTo("call_recall");
    assertThat(calls.path(0).path("type").asText()).isEqualTo("function");
    assertThat(calls.path(0).path("function").path("name").asText()).isEqualTo("recall_memory");
    assertThat(json(calls.path(0).path("function").path("arguments").asText()))
        .isEqualTo(json("{\"query\":\"x\"}"));
    assertThat(calls.path(1).path("id").asText()).startsWith("call_");
    assertThat(calls.path(1).path("function").path("name").asText()).isEqualTo("current_time");
    assertThat(body.path("usage").path("completion_tokens").asInt()).isPositive();
  }

  @Test
  void streamsEachPieceAsItIsSentSoTheFirstArrivesBeforeTheLastIsSent() {
    server.enqueue(Reply.stream("Hel", "lo", " wor", "ld", "!").chunkDelay(Duration.ofMillis(100)));

    List<TimedLine> lines = http.postAndTimeLines(CHAT, ASK_STREAMED);

    assertThat(contentPieces(lines)).containsExactly("Hel", "lo", " wor", "ld", "!");
    List<TimedLine> data = lines.stream().filter(l -> l.text().startsWith("data: ")).toList();
    // Six more events follow the first piece, 100 ms apart; had the body been buffered, the
    // first piece would arrive together with the last.
    long firstPiece = data.get(1).arrivedAtNanos();
    long last = data.get(data.size() - 1).arrivedAtNanos();
    assertThat(Duration.ofNanos(last - firstPiece)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    List<JsonNode> chunks = dataOf(lines);
    assertThat(chunks)
        .allSatisfy(c -> assertThat(c.path("object").asText()).isEqualTo("chat.completion.chunk"));
    assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
    assertThat(chunks.get(chunks.size() - 1).at("/choices/0/finish_reason").asText())
        .isEqualTo("stop");
    assertThat(data.get(data.size() - 1).text()).isEqualTo("data: [DONE]");
  }

  @Test
  void streamsATextReplyOnlyWhenTheClientAsksForIt() {
    server.enqueue(Reply.text("Hello brave world"), Reply.text("Hello brave world"));

    HttpResponse<String> plain = http.post(CHAT, ASK);
    List<TimedLine> streamed = http.postAndTimeLines(CHAT, ASK_STREAMED);

    assertThat(json(plain.body()).at("/choices/0/message/content").asText())
        .isEqualTo("Hello brave world");
    assertThat(contentPieces(streamed)).containsExactly("Hello ", "brave ", "world");
  }

  @Test
  void answersOneBodyWhenTheReplyForcesPlainDespiteAStreamRequest() {
    server.enqueue(Reply.stream("a", "b").plain());

    HttpResponse<String> response = http.post(CHAT, ASK_STREAMED);

    assertThat(json(response.body()).at("/choices/0/message/content").asText()).isEqualTo("ab");
  }

  @Test
  void streamsToolCallsAsDeltaToolCallChunks() {
    server.enqueue(Reply.toolCall("recall_memory", "{\"query\":\"yesterday\"}"));

    List<JsonNode> chunks = dataOf(http.postAndTimeLines(CHAT, ASK_STREAMED));

    List<JsonNode> toolDeltas =
        chunks.stream()
            .map(c -> c.at("/choices/0/delta/tool_calls/0"))
            .filter(d -> !d.isMissingNode())
            .toList();
    assertThat(toolDeltas).hasSizeGreaterThan(1);
    assertThat(toolDeltas.get(0).path("id").asText()).startsWith("call_");
    assertThat(toolDeltas.get(0).at("/function/name").asText()).isEqualTo("recall_memory");
    StringBuilder arguments = new StringBuilder();
    toolDeltas.forEach(d -> arguments.append(d.at("/function/arguments").asText()));
    assertThat(json(arguments.toString())).isEqualTo(json("{\"query\":\"yesterday\"}"));
    assertThat(chunks.get(chunks.size() - 1).at("/choices/0/finish_reason").asText())
        .isEqualTo("tool_calls");
  }

  @Test
  void sendsAUsageChunkWhenTheStreamOptionsAskForIt() {
    server.enqueue(Reply.stream("hi").usage(9, 1));
    String request =
        """
        {"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},
         "messages":[{"role":"user","content":"hi"}]}
        """;

    List<JsonNode> chunks = dataOf(http.postAndTimeLines(CHAT, request));

    JsonNode last = chunks.get(chunks.size() - 1);
    assertThat(last.path("choices")).isEmpty();
    assertThat(last.at("/usage/prompt_tokens").asInt()).isEqualTo(9);
    assertThat(last.at("/usage/total_tokens").asInt()).isEqualTo(10);
  }

  @Test
  void answersRateLimitWithRetryAfterAndAnOpenAiErrorBody() {
    server.enqueue(Reply.error(429, "rate limited").retryAfterSeconds(1));

    HttpResponse<String> response = http.post(CHAT, ASK);

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).contains("1");
    JsonNode error = json(response.body()).path("error");
    assertThat(error.path("message").asText()).isEqualTo("rate limited");
    assertThat(error.path("type").asText()).isEqualTo("rate_limit_error");
    assertThat(error.path("code").asText()).isEqualTo("rate_limit_exceeded");
  }

  @Test
  void answersAScriptedServerErrorThenTheNextReply() {
    server.enqueue(Reply.error(503, "overloaded").errorType("overloaded"), Reply.text("back"));

    HttpResponse<String> failed = http.post(CHAT, ASK);
    HttpResponse<String> recovered = http.post(CHAT, ASK);

    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(json(failed.body()).at("/error/type").asText()).isEqualTo("overloaded");
    assertThat(failed.headers().firstValue("Retry-After")).isEmpty();
    assertThat(json(recovered.body()).at("/choices/0/message/content").asText()).isEqualTo("back");
  }

  @Test
  void holdsTheAnswerBackForTheScriptedDelay() {
    server.enqueue(Reply.text("late").delay(Duration.ofMillis(400)));

    long start = System.nanoTime();
    HttpResponse<String> response = http.post(CHAT, ASK);

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    assertThat(json(response.body()).at("/choices/0/message/content").asText()).isEqualTo("late");
  }

  @Test
  void recordsEveryRequestInOrderWithHeadersAndParsedBody() {
    server.setDefault(Reply.text("ok"));

    http.post(CHAT, ASK, "Authorization", "Bearer test-key");
    http.get("/v1/models");

    List<RecordedRequest> requests = server.requests();
    assertThat(requests).extracting(RecordedRequest::path).containsExactly(CHAT, "/v1/models");
    RecordedRequest chat = requests.get(0);
    assertThat(chat.method()).isEqualTo("POST");
    assertThat(chat.header("authorization")).contains("Bearer test-key");
    assertThat(chat.model()).contains("gpt-4o-mini");
    assertThat(chat.json().at("/messages/0/content").asText())
        .isEqualTo("What did I say yesterday?");
    assertThat(server.lastRequest().method()).isEqualTo("GET");
  }

  @Test
  void awaitRequestsWaitsForRequestsStillOnTheirWay() throws Exception {
    server.setDefault(Reply.text("ok"));
    CompletableFuture<HttpResponse<String>> late =
        CompletableFuture.supplyAsync(
            () -> http.post(CHAT, ASK),
            CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

    List<RecordedRequest> requests = server.awaitRequests(1, Duration.ofSeconds(5));

    assertThat(requests).hasSize(1);
    assertThat(late.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> server.awaitRequests(2, Duration.ofMillis(100)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected at least 2 requests")
        .hasMessageContaining("got 1");
  }

  @Test
  void recordsAClientThatHangsUpDuringTheScriptedDelay() throws Exception {
    server.setDefault(Reply.text("too late").delay(Duration.ofSeconds(30)));
    CompletableFuture<HttpResponse<String>> call = http.postAsync(CHAT, ASK);
    server.awaitRequests(1, Duration.ofSeconds(5));
    long hungUpAt = System.nanoTime();

    call.cancel(true);

    List<Disconnect> disconnects = server.awaitDisconnects(1, Duration.ofSeconds(2));
    assertThat((System.nanoTime() - hungUpAt) / 1_000_000).isLessThan(2000);
    assertThat(disconnects).hasSize(1);
    assertThat(disconnects.get(0).request().path()).isEqualTo(CHAT);
    assertThat(disconnects.get(0).at()).isAfterOrEqualTo(disconnects.get(0).request().receivedAt());
  }

  @Test
  void recordsAClientThatStopsReadingAStreamHalfway() throws Exception {
    server.enqueue(
        Reply.stream("one ", "two ", "three ", "four ", "five").chunkDelay(Duration.ofMillis(300)));

    String firstLine = http.postAndCloseAfterFirstLine(CHAT, ASK_STREAMED);

    assertThat(firstLine).startsWith("data: ");
    List<Disconnect> disconnects = server.awaitDisconnects(1, Duration.ofSeconds(2));
    assertThat(disconnects.get(0).request().json().path("stream").asBoolean()).isTrue();
  }

  @Test
  void recordsNoDisconnectForAnswersThatWereComplete() {
    server.setDefault(Reply.stream("a", "b").chunkDelay(Duration.ofMillis(10)));

    http.post(CHAT, ASK);
    http.postAndTimeLines(CHAT, ASK_STREAMED);

    assertThat(server.requests()).hasSize(2);
    assertThat(server.disconnects()).isEmpty();
    assertThatThrownBy(() -> server.awaitDisconnects(1, Duration.ofMillis(100)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected at least 1 disconnects");
  }

  @Test
  void answersAClearErrorWhenNoReplyWasScripted() {
    HttpResponse<String> response = http.post(CHAT, ASK);

    assertThat(response.statusCode()).isEqualTo(500);
    JsonNode error = json(response.body()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("no_reply_scripted");
    assertThat(error.path("message").asText())
        .contains("no reply was scripted", "POST /v1/chat/completions", "enqueue");
  }

  @Test
  void answersWithTheDefaultOnceTheQueueIsEmpty() {
    server.enqueue(Reply.text("first")).setDefault(Reply.text("again"));

    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      answers.add(json(http.post(CHAT, ASK).body()).at("/choices/0/message/content").asText());
    }

    assertThat(answers).containsExactly("first", "again", "again");
    assertThat(server.pendingReplies()).isZero();
  }

  @Test
  void listsModels() {
    JsonNode body = json(http.get("/v1/models").body());

    assertThat(body.path("object").asText()).isEqualTo("list");
    assertThat(body.path("data").findValuesAsText("id")).contains("gpt-4o-mini");
  }

  @Test
  void embedsEqualTextsEquallyAndDifferentTextsDifferently() {
    String request =
        """
        {"model":"text-embedding-3-small","dimensions":8,"input":["tea","tea","coffee"]}
        """;

    JsonNode data = json(http.post("/v1/embeddings", request).body()).path("data");

    assertThat(data).hasSize(3);
    assertThat(data.path(0).path("embedding")).hasSize(8);
    assertThat(data.path(0).path("embedding")).isEqualTo(data.path(1).path("embedding"));
    assertThat(data.path(0).path("embedding")).isNotEqualTo(data.path(2).path("embedding"));
  }

  @Test
  void answersUnknownPathsWithNotFoundInOpenAiShape() {
    HttpResponse<String> response = http.post("/v1/completions", ASK);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response.body()).at("/error/message").asText())
        .contains("no endpoint POST /v1/completions");
  }

  private static List<String> contentPieces(List<TimedLine> lines) {
    return dataOf(lines).stream()
        .map(chunk -> chunk.at("/choices/0/delta/content"))
        .filter(content -> content.isTextual() && !content.asText().isEmpty())
        .map(JsonNode::asText)
        .toList();
  }
}
