package dev.zoclone.testing.fakemodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** LangChain4j's own OpenAI client, pointed at the fake, sees what the test scripted. */
class OpenAiClientCompatibilityTest {

  private final FakeOpenAiServer server = new FakeOpenAiServer();
  private final OpenAiChatModel model =
      OpenAiChatModel.builder()
          .baseUrl(server.baseUrl() + "/v1")
          .apiKey("test")
          .modelName("gpt-4o-mini")
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
    assertThat(request.header("Authorization")).contains("Bearer test");
    assertThat(request.json().at("/messages/0/content").asText()).isEqualTo("hi");
  }

  @Test
  void scriptedToolCallBecomesAToolExecutionRequest() {
    server.enqueue(Reply.toolCall("recall_memory", "{\"query\":\"x\"}").usage(30, 5));

    ChatResponse response = model.chat(askWithRecallTool());

    List<ToolExecutionRequest> calls = response.aiMessage().toolExecutionRequests();
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).name()).isEqualTo("recall_memory");
    assertThat(calls.get(0).arguments()).isEqualTo("{\"query\":\"x\"}");
    assertThat(calls.get(0).id()).startsWith("call_");
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(30);
    assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(5);
    assertThat(server.lastRequest().json().at("/tools/0/function/name").asText())
        .isEqualTo("recall_memory");
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
    OpenAiStreamingChatModel streaming =
        OpenAiStreamingChatModel.builder()
            .baseUrl(server.baseUrl() + "/v1")
            .apiKey("test")
            .modelName("gpt-4o-mini")
            .build();
    List<String> pieces = new CopyOnWriteArrayList<>();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    streaming.chat("hi", collectingInto(pieces, done));

    ChatResponse response = done.get(10, TimeUnit.SECONDS);
    assertThat(pieces).containsExactly("He", "llo", " world");
    assertThat(response.aiMessage().text()).isEqualTo("Hello world");
    assertThat(response.tokenUsage().totalTokenCount()).isPositive();
    assertThat(server.lastRequest().json().path("stream").asBoolean()).isTrue();
  }

  @Test
  void streamingModelAssemblesStreamedToolCallArguments() throws Exception {
    server.enqueue(Reply.toolCall("recall_memory", "{\"query\":\"yesterday\"}"));
    OpenAiStreamingChatModel streaming =
        OpenAiStreamingChatModel.builder()
            .baseUrl(server.baseUrl() + "/v1")
            .apiKey("test")
            .modelName("gpt-4o-mini")
            .build();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    streaming.chat(askWithRecallTool(), collectingInto(new CopyOnWriteArrayList<>(), done));

    ChatResponse response = done.get(10, TimeUnit.SECONDS);
    List<ToolExecutionRequest> calls = response.aiMessage().toolExecutionRequests();
    assertThat(calls).extracting(ToolExecutionRequest::name).containsExactly("recall_memory");
    assertThat(calls.get(0).arguments()).isEqualTo("{\"query\":\"yesterday\"}");
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
  }

  static ChatRequest askWithRecallTool() {
    return ChatRequest.builder()
        .messages(UserMessage.from("What did I say yesterday?"))
        .toolSpecifications(
            ToolSpecification.builder()
                .name("recall_memory")
                .description("Finds what the user said before")
                .parameters(JsonObjectSchema.builder().addStringProperty("query").build())
                .build())
        .build();
  }

  static StreamingChatResponseHandler collectingInto(
      List<String> pieces, CompletableFuture<ChatResponse> done) {
    return new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String partialResponse) {
        pieces.add(partialResponse);
      }

      @Override
      public void onCompleteResponse(ChatResponse completeResponse) {
        done.complete(completeResponse);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    };
  }
}
