package dev.zoclone.agents.rest;

import static dev.zoclone.agents.support.Api.as;
import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class ChatCompletionsResourceTest {
  static final FakeOpenAiServer MODEL = new FakeOpenAiServer();
  String user;

  @AfterAll
  static void stop() {
    MODEL.close();
  }

  @BeforeEach
  void key() {
    user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", "sk-compat-0123456789", "gpt-4o-mini");
  }

  @Test
  void answersInOpenAisShapeWithTheCallersKey() {
    MODEL.enqueue(Reply.text("Hi there").usage(7, 2));

    as(user)
        .body(
            "{\"model\":\"openai:gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},{\"role\":\"user\",\"content\":\"hi\"}]}")
        .post("/v1/chat/completions")
        .then()
        .statusCode(200)
        .body("object", is("chat.completion"))
        .body("choices[0].message.content", is("Hi there"))
        .body("choices[0].finish_reason", is("stop"))
        .body("usage.prompt_tokens", is(7))
        .body("usage.completion_tokens", is(2));

    assertThat(MODEL.lastRequest().model()).contains("gpt-4o-mini");
    assertThat(MODEL.lastRequest().json().at("/messages/0/content").asText()).isEqualTo("be brief");
    assertThat(MODEL.lastRequest().header("Authorization")).contains("Bearer sk-compat-0123456789");
  }

  @Test
  void passesToolsThroughAndReturnsTheModelsToolCalls() {
    MODEL.enqueue(Reply.toolCall("get_weather", "{\"city\":\"Paris\"}"));

    as(user)
        .body(
            "{\"model\":\"openai:gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"weather?\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":\"weather\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}}]}")
        .post("/v1/chat/completions")
        .then()
        .statusCode(200)
        .body("choices[0].finish_reason", is("tool_calls"))
        .body("choices[0].message.tool_calls[0].function.name", is("get_weather"))
        .body("choices[0].message.tool_calls[0].function.arguments", is("{\"city\":\"Paris\"}"));

    assertThat(MODEL.lastRequest().json().at("/tools/0/function/name").asText())
        .isEqualTo("get_weather");
  }

  @Test
  void streamsChunksThenDone() {
    MODEL.enqueue(Reply.stream("A", "B"));

    String body =
        as(user)
            .body(
                "{\"model\":\"openai:gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
            .post("/v1/chat/completions")
            .then()
            .statusCode(200)
            .extract()
            .asString();

    assertThat(body)
        .contains("\"delta\":{\"content\":\"A\"}")
        .contains("\"delta\":{\"content\":\"B\"}")
        .contains("\"finish_reason\":\"stop\"")
        .endsWith("data: [DONE]\n\n");
  }
}
