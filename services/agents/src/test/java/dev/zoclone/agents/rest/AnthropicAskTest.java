package dev.zoclone.agents.rest;

import static dev.zoclone.agents.support.Api.as;
import static dev.zoclone.agents.support.Api.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.testing.fakemodel.FakeAnthropicServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class AnthropicAskTest {
  static final FakeAnthropicServer MODEL = new FakeAnthropicServer();

  @AfterAll
  static void stop() {
    MODEL.close();
  }

  @Test
  void anAnthropicKeyIsUsedThroughTheNativeMessagesApi() {
    String user = newUser();
    as(user)
        .body(
            "{\"provider\":\"anthropic\",\"api_key\":\"sk-ant-0123456789abcdef\",\"base_url\":\""
                + MODEL.baseUrl()
                + "/v1\"}")
        .put("/api/v1/keys/anthropic")
        .then()
        .statusCode(200);
    MODEL.enqueue(Reply.text("Bonjour from Claude"));

    as(user)
        .body("{\"input\":\"hi\",\"model_name\":\"anthropic:claude-3-5-haiku-latest\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("output", is("Bonjour from Claude"))
        .body("model_name", is("anthropic:claude-3-5-haiku-latest"));

    assertThat(MODEL.lastRequest().path()).endsWith("/v1/messages");
    assertThat(MODEL.lastRequest().header("x-api-key")).contains("sk-ant-0123456789abcdef");
    assertThat(MODEL.lastRequest().model()).contains("claude-3-5-haiku-latest");
  }

  @Test
  void structuredOutputForAnthropicIsInstructedAndValidatedWithoutOpenAisResponseFormat() {
    String user = newUser();
    as(user)
        .body(
            "{\"provider\":\"anthropic\",\"api_key\":\"sk-ant-0123456789abcdef\",\"base_url\":\""
                + MODEL.baseUrl()
                + "/v1\"}")
        .put("/api/v1/keys/anthropic")
        .then()
        .statusCode(200);
    MODEL.enqueue(Reply.text("{\"name\":\"Ada\"}"));

    as(user)
        .body(
            "{\"input\":\"who?\",\"model_name\":\"anthropic:claude-3-5-haiku-latest\","
                + "\"output_format\":{\"type\":\"object\",\"required\":[\"name\"],"
                + "\"properties\":{\"name\":{\"type\":\"string\"}}}}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("output.name", is("Ada"));

    assertThat(MODEL.lastRequest().json().has("response_format")).isFalse();
    assertThat(MODEL.lastRequest().json().path("system").toString()).contains("JSON Schema");
  }
}
