package dev.zoclone.testing.fakemodel;

import static dev.zoclone.testing.fakemodel.OpenAiClientCompatibilityTest.askWithRecallTool;
import static dev.zoclone.testing.fakemodel.OpenAiClientCompatibilityTest.collectingInto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** LangChain4j's own Anthropic client, pointed at the fake, sees what the test scripted. */
class AnthropicClientCompatibilityTest {

  private final FakeAnthropicServer server = new FakeAnthropicServer();
  private final AnthropicChatModel model =
      AnthropicChatModel.builder()
          .baseUrl(server.baseUrl() + "/v1")
          .apiKey("test")
          .modelName("claude-sonnet-4-5")
          .maxRetries(0)
          .build();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void chatReturnsTheScriptedText() {
    server.enqueue(Reply.text("Hello from the fake"));

    String answer = model.chat("hi");

    assertThat(answer).isEqualTo("Hello from the fake");
    RecordedRequest request = server.lastRequest();
    assertThat(request.path()).isEqualTo("/v1/messages");
    assertThat(request.header("x-api-key")).contains("test");
    assertThat(request.json().at("/messages/0/content/0/text").asText()).isEqualTo("hi");
  }

  @Test
  void scriptedToolUseBecomesAToolExecutionRequest() {
    server.enqueue(Reply.toolCall("recall_memory", "{\"query\":\"x\"}").usage(30, 5));

    ChatResponse response = model.chat(askWithRecallTool());

    List<ToolExecutionRequest> calls = response.aiMessage().toolExecutionRequests();
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).name()).isEqualTo("recall_memory");
    assertThat(ModelHttp.json(calls.get(0).arguments()))
        .isEqualTo(ModelHttp.json("{\"query\":\"x\"}"));
    assertThat(calls.get(0).id()).startsWith("toolu_");
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(30);
    assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(5);
    assertThat(server.lastRequest().json().at("/tools/0/name").asText()).isEqualTo("recall_memory");
  }

  @Test
  void rateLimitReachesTheClientAsRateLimitException() {
    server.enqueue(Reply.error(429, "slow down").retryAfterSeconds(1));

    assertThatThrownBy(() -> model.chat("hi"))
        .isInstanceOf(RateLimitException.class)
        .hasMessageContaining("slow down");
  }

  @Test
  void streamingModelReceivesEachPieceThenTheWholeAnswer() throws Exception {
    server.enqueue(Reply.stream("He", "llo", " world").chunkDelay(Duration.ofMillis(20)));
    AnthropicStreamingChatModel streaming =
        AnthropicStreamingChatModel.builder()
            .baseUrl(server.baseUrl() + "/v1")
            .apiKey("test")
            .modelName("claude-sonnet-4-5")
            .build();
    List<String> pieces = new CopyOnWriteArrayList<>();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    streaming.chat("hi", collectingInto(pieces, done));

    ChatResponse response = done.get(10, TimeUnit.SECONDS);
    assertThat(pieces).containsExactly("He", "llo", " world");
    assertThat(response.aiMessage().text()).isEqualTo("Hello world");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.tokenUsage().outputTokenCount()).isPositive();
  }
}
