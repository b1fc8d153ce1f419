package dev.zoclone.agents.rest;

import static dev.zoclone.agents.support.Api.as;
import static dev.zoclone.agents.support.Api.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.testing.fakemodel.FakeOllamaServer;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.fakemodel.ToolCall;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Ollama's native API and an OpenAI-compatible endpoint of the user's own, over real HTTP. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class ProviderAskTest {
  static final FakeOllamaServer OLLAMA = new FakeOllamaServer();
  static final FakeOpenAiServer LAB = new FakeOpenAiServer();

  @AfterAll
  static void stop() {
    OLLAMA.close();
    LAB.close();
  }

  private static void key(String user, String name, String body) {
    as(user).body(body).put("/api/v1/keys/" + name).then().statusCode(200);
  }

  @Test
  void anOllamaKeyAsksThroughOllamasChatApiWithoutAnApiKey() {
    String user = newUser();
    key(user, "ollama", "{\"provider\":\"ollama\",\"base_url\":\"" + OLLAMA.baseUrl() + "\"}");
    OLLAMA.enqueue(Reply.text("Hello from llama").usage(12, 4));

    as(user)
        .body("{\"input\":\"hi\",\"model_name\":\"ollama:llama3.2\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("output", is("Hello from llama"))
        .body("model_name", is("ollama:llama3.2"))
        .body("usage.input_tokens", is(12))
        .body("usage.output_tokens", is(4));

    assertThat(OLLAMA.lastRequest().path()).isEqualTo("/api/chat");
    assertThat(OLLAMA.lastRequest().model()).contains("llama3.2");
    assertThat(OLLAMA.lastRequest().json().path("stream").asBoolean(true)).isFalse();
    assertThat(OLLAMA.lastRequest().header("Authorization")).isEmpty();
    assertThat(OLLAMA.lastRequest().json().path("messages").toString()).contains("hi");
  }

  @Test
  void anOllamaAskStreamsItsNewlineDelimitedChunksAsEvents() {
    String user = newUser();
    key(user, "local", "{\"provider\":\"ollama\",\"base_url\":\"" + OLLAMA.baseUrl() + "\"}");
    OLLAMA.enqueue(Reply.stream("Bon", "jour").chunkDelay(Duration.ofMillis(50)));

    String body =
        as(user)
            .body("{\"input\":\"hi\",\"model_name\":\"local:llama3.2:1b\",\"stream\":true}")
            .post("/api/v1/ask")
            .then()
            .statusCode(200)
            .extract()
            .asString();

    assertThat(body)
        .contains("event: FrontendModelResponse\ndata: {\"content\":\"Bon\"}")
        .contains("event: FrontendModelResponse\ndata: {\"content\":\"jour\"}")
        .contains("event: End")
        .contains("\"output\":\"Bonjour\"");
    assertThat(OLLAMA.lastRequest().model()).contains("llama3.2:1b");
    assertThat(OLLAMA.lastRequest().json().path("stream").asBoolean()).isTrue();
  }

  @Test
  void anOllamaToolCallRunsTheToolAndTheAnswerFollows() {
    String user = newUser();
    key(user, "ollama", "{\"provider\":\"ollama\",\"base_url\":\"" + OLLAMA.baseUrl() + "\"}");
    OLLAMA.enqueue(
        Reply.toolCalls(ToolCall.of("memory_save", "{\"content\":\"likes tea\"}")),
        Reply.text("Saved."));

    as(user)
        .body("{\"input\":\"remember I like tea\",\"model_name\":\"ollama:llama3.2\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("output", is("Saved."))
        .body("tool_calls[0].name", is("memory_save"));

    assertThat(OLLAMA.lastRequest().json().path("messages").toString()).contains("tool");
  }

  @Test
  void anOpenAiCompatibleKeyUsesItsOwnBaseUrlAndTheModelAfterTheKeyName() {
    String user = newUser();
    key(
        user,
        "lab",
        "{\"provider\":\"openai_compatible\",\"api_key\":\"gsk-lab-0123456789abcd\",\"base_url\":\""
            + LAB.baseUrl()
            + "/v1\"}");
    LAB.enqueue(Reply.text("Hello from the lab"));

    as(user)
        .body("{\"input\":\"hi\",\"model_name\":\"lab:llama3.2\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("output", is("Hello from the lab"))
        .body("model_name", is("lab:llama3.2"));

    assertThat(LAB.lastRequest().path()).isEqualTo("/v1/chat/completions");
    assertThat(LAB.lastRequest().model()).contains("llama3.2");
    assertThat(LAB.lastRequest().header("Authorization")).contains("Bearer gsk-lab-0123456789abcd");
  }

  @Test
  void anAsksOwnSystemPromptTemperatureAndMaxTokensReachTheProvider() {
    String user = newUser();
    key(
        user,
        "lab",
        "{\"provider\":\"openai_compatible\",\"api_key\":\"gsk-lab-0123456789abcd\",\"base_url\":\""
            + LAB.baseUrl()
            + "/v1\"}");
    LAB.enqueue(Reply.text("Arr"));

    as(user)
        .body(
            "{\"input\":\"hi\",\"model_name\":\"lab:llama3.2\",\"system\":\"Talk like a pirate.\","
                + "\"temperature\":0.25,\"max_tokens\":77}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("output", is("Arr"));

    var sent = LAB.lastRequest().json();
    assertThat(sent.path("temperature").asDouble()).isEqualTo(0.25);
    assertThat(
            sent.has("max_tokens")
                ? sent.path("max_tokens").asInt()
                : sent.path("max_completion_tokens").asInt())
        .isEqualTo(77);
    assertThat(sent.path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(sent.path("messages").get(0).path("content").asText())
        .startsWith("Talk like a pirate.");
  }

  @Test
  void tuningOutOfBoundsIsRefusedNamingTheField() {
    String user = newUser();
    for (String[] bad :
        new String[][] {
          {"\"temperature\":2.5", "temperature"},
          {"\"max_tokens\":0", "max_tokens"},
          {"\"system\":\" \"", "system"}
        }) {
      as(user)
          .body("{\"input\":\"hi\",\"model_name\":\"lab:x\"," + bad[0] + "}")
          .post("/api/v1/ask")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", is(bad[1]));
    }
  }

  @Test
  void anOpenAiCompatibleKeyNeedsABaseUrl() {
    as(newUser())
        .body("{\"provider\":\"openai_compatible\",\"api_key\":\"gsk-lab-0123456789abcd\"}")
        .put("/api/v1/keys/lab")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("base_url"));
  }
}
