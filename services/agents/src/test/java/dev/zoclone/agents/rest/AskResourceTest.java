package dev.zoclone.agents.rest;

import static dev.zoclone.agents.support.Api.as;
import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.agents.support.FakeMemoryService;
import dev.zoclone.contract.memory.ConversationMessage;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.RecordedRequest;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class AskResourceTest {
  /** Parses the test's JSON literals. */
  static final class Json {
    static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
      try {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException(e);
      }
    }
  }

  static final FakeOpenAiServer MODEL = new FakeOpenAiServer();
  static final String SECRET = "sk-ask-0123456789abcdef";
  static final String SCHEMA =
      "{\"type\":\"object\",\"required\":[\"name\"],\"properties\":{\"name\":{\"type\":\"string\"}}}";

  String user;

  @AfterAll
  static void stop() {
    MODEL.close();
  }

  @BeforeEach
  void keyForANewUser() {
    user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", SECRET, "gpt-4o-mini");
  }

  static FakeMemoryService memory() {
    return FakeMemoryResource.memory();
  }

  @Test
  void askAnswersWithTheUsersKeyAndAppendsTheTurnToANewConversation() {
    MODEL.enqueue(Reply.text("Hello, Ada.").usage(12, 4));

    String conversationId =
        as(user)
            .body("{\"input\":\"Hi, I am Ada\",\"model_name\":\"openai:gpt-4o-mini\"}")
            .post("/api/v1/ask")
            .then()
            .statusCode(200)
            .body("output", is("Hello, Ada."))
            .body("model_name", is("openai:gpt-4o-mini"))
            .body("usage.input_tokens", is(12))
            .body("usage.output_tokens", is(4))
            .extract()
            .path("conversation_id");

    assertThat(MODEL.lastRequest().header("Authorization")).contains("Bearer " + SECRET);
    assertThat(memory().conversation(conversationId).messages)
        .extracting(ConversationMessage::role, ConversationMessage::content)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("user", "Hi, I am Ada"),
            org.assertj.core.groups.Tuple.tuple("assistant", "Hello, Ada."));
  }

  @Test
  void aBareKeyNameUsesTheKeysDefaultModelAndUsageIsRecorded() {
    MODEL.enqueue(Reply.text("ok").usage(30, 5));

    as(user)
        .body("{\"input\":\"hi\",\"model_name\":\"openai\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200);

    assertThat(MODEL.lastRequest().model()).contains("gpt-4o-mini");
    as(user)
        .get("/api/v1/usage")
        .then()
        .statusCode(200)
        .body("usage[0].key_name", is("openai"))
        .body("usage[0].model", is("gpt-4o-mini"))
        .body("usage[0].input_tokens", is(30))
        .body("usage[0].output_tokens", is(5));
    as(user)
        .get("/api/v1/models")
        .then()
        .statusCode(200)
        .body("models[0].model_name", is("openai:gpt-4o-mini"))
        .body("models[0].key_set", is(true));
  }

  @Test
  void theModelCallsRecallMemoryAndAnswersWithWhatItFound() {
    memory().remember(user, "The user's favourite colour is teal");
    MODEL.enqueue(
        Reply.toolCall("memory_recall", "{\"query\":\"favourite colour\"}"),
        Reply.text("Your favourite colour is teal."));

    String conversationId =
        as(user)
            .body("{\"input\":\"What is my colour?\",\"model_name\":\"openai:gpt-4o-mini\"}")
            .post("/api/v1/ask")
            .then()
            .statusCode(200)
            .body("output", is("Your favourite colour is teal."))
            .body("tool_calls[0].name", is("memory_recall"))
            .body("tool_calls[0].result", containsString("teal"))
            .extract()
            .path("conversation_id");

    JsonNode second = MODEL.lastRequest().json();
    JsonNode toolMessage = second.path("messages").get(second.path("messages").size() - 1);
    assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
    assertThat(toolMessage.path("content").asText()).contains("teal");
    assertThat(second.at("/tools/0/function/name").asText()).isIn("memory_recall", "memory_save");
    assertThat(memory().conversation(conversationId).messages)
        .extracting(ConversationMessage::role)
        .containsExactly("user", "assistant", "tool", "assistant");
    assertThat(
            memory()
                .conversation(conversationId)
                .messages
                .get(1)
                .toolCalls()
                .get(0)
                .path("name")
                .asText())
        .isEqualTo("memory_recall");
  }

  @Test
  void theModelSavesAMemoryThroughSaveMemory() {
    MODEL.enqueue(
        Reply.toolCall("memory_save", "{\"content\":\"The user lives in Lyon\"}"),
        Reply.text("Noted."));

    as(user)
        .body(
            "{\"input\":\"I live in Lyon\",\"model_name\":\"openai:gpt-4o-mini\",\"tools\":[\"memory_save\"]}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("output", is("Noted."));

    assertThat(memory().memoriesOf(user)).containsExactly("The user lives in Lyon");
    assertThat(MODEL.requests().get(MODEL.requests().size() - 2).json().path("tools").size())
        .isEqualTo(1);
  }

  @Test
  void aPersonasSystemPromptLeadsTheContext() {
    String personaId =
        as(user)
            .body("{\"name\":\"pirate\",\"system_prompt\":\"You talk like a pirate.\"}")
            .post("/api/v1/personas")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    MODEL.enqueue(Reply.text("Arr."));

    as(user)
        .body(
            "{\"input\":\"hello\",\"model_name\":\"openai:gpt-4o-mini\",\"persona_id\":\""
                + personaId
                + "\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200);

    JsonNode first = MODEL.lastRequest().json().at("/messages/0");
    assertThat(first.path("role").asText()).isEqualTo("system");
    assertThat(first.path("content").asText()).startsWith("You talk like a pirate.");
    as(newUser()).get("/api/v1/personas/" + personaId).then().statusCode(404);
  }

  @Test
  void a429IsRetriedAfterTheProvidersRetryAfter() {
    MODEL.enqueue(Reply.error(429, "slow down").retryAfterSeconds(1), Reply.text("fine"));
    int before = MODEL.requests().size();

    as(user)
        .body("{\"input\":\"hi\",\"model_name\":\"openai:gpt-4o-mini\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("output", is("fine"));

    List<RecordedRequest> calls = MODEL.requests().subList(before, MODEL.requests().size());
    assertThat(calls).hasSize(2);
    assertThat(Duration.between(calls.get(0).receivedAt(), calls.get(1).receivedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
  }

  @Test
  void whenTheFirstModelKeepsFailingTheFallbackAnswers() {
    MODEL.enqueue(
        Reply.error(500, "down"),
        Reply.error(500, "down"),
        Reply.error(500, "down"),
        Reply.text("from backup"));

    as(user)
        .body(
            "{\"input\":\"hi\",\"model_name\":\"openai:gpt-4o-mini\",\"fallbacks\":[\"openai:backup-model\"]}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("output", is("from backup"))
        .body("model_name", is("openai:backup-model"));

    assertThat(MODEL.lastRequest().model()).contains("backup-model");
  }

  @Test
  void aProviderErrorIsA502WithTheProvidersMessageAndNoKey() {
    MODEL.enqueue(Reply.error(401, "Incorrect API key provided: " + SECRET));

    String body =
        as(user)
            .body("{\"input\":\"hi\",\"model_name\":\"openai:gpt-4o-mini\"}")
            .post("/api/v1/ask")
            .then()
            .statusCode(502)
            .contentType("application/problem+json")
            .body("detail", containsString("Incorrect API key provided"))
            .extract()
            .asString();

    assertThat(body).doesNotContain(SECRET);
  }

  @Test
  void aModelSlowerThanTheTimeoutIsA504() {
    MODEL.enqueue(Reply.text("too late").delay(Duration.ofSeconds(4)));

    as(user)
        .body("{\"input\":\"hi\",\"model_name\":\"openai:gpt-4o-mini\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(504)
        .body("type", containsString("provider-timeout"));
  }

  @Test
  void structuredOutputThatValidatesIsReturnedAsJson() {
    MODEL.enqueue(Reply.text("{\"name\":\"Ada\"}"));

    as(user)
        .body(
            "{\"input\":\"who?\",\"model_name\":\"openai:gpt-4o-mini\",\"output_format\":"
                + SCHEMA
                + "}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("output.name", is("Ada"));

    assertThat(MODEL.lastRequest().json().at("/messages/0/content").asText())
        .contains("JSON Schema");
    var format = MODEL.lastRequest().json().path("response_format");
    assertThat(format.path("type").asText())
        .as("OpenAI's native structured output was asked for: %s", format)
        .isEqualTo("json_schema");
    assertThat(format.at("/json_schema/name").asText()).isEqualTo("output");
    assertThat(format.at("/json_schema/schema")).isEqualTo(Json.readTree(SCHEMA));
  }

  @Test
  void structuredOutputThatFailsIsRepairedOnce() {
    MODEL.enqueue(Reply.text("It is Ada."), Reply.text("```json\n{\"name\":\"Ada\"}\n```"));

    as(user)
        .body(
            "{\"input\":\"who?\",\"model_name\":\"openai:gpt-4o-mini\",\"output_format\":"
                + SCHEMA
                + "}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("output.name", is("Ada"));

    JsonNode repair = MODEL.lastRequest().json().path("messages");
    assertThat(repair.get(repair.size() - 1).path("content").asText())
        .contains("does not validate");
  }

  @Test
  void structuredOutputThatStillFailsAfterTheRepairIsA502SayingWhy() {
    MODEL.enqueue(Reply.text("nope"), Reply.text("{\"age\":3}"));

    as(user)
        .body(
            "{\"input\":\"who?\",\"model_name\":\"openai:gpt-4o-mini\",\"output_format\":"
                + SCHEMA
                + "}")
        .post("/api/v1/ask")
        .then()
        .statusCode(502)
        .body("type", containsString("output-format-invalid"))
        .body("detail", containsString("name"));
  }

  @Test
  void turnsPastTheBudgetAreSummarisedAndTheSummaryIsUsed() {
    String filler = "x".repeat(200);
    String conversationId =
        memory()
            .seed(
                user,
                List.of(
                    new String[] {"user", "My dog is called Rex. " + filler},
                    new String[] {"assistant", "Nice dog. " + filler},
                    new String[] {"user", "He is five. " + filler},
                    new String[] {"assistant", "Lovely. " + filler}));
    MODEL.enqueue(Reply.text("SUMMARY: the user's dog Rex is five."), Reply.text("Rex is five."));

    as(user)
        .body(
            "{\"input\":\"How old is my dog?\",\"model_name\":\"openai:gpt-4o-mini\",\"conversation_id\":\""
                + conversationId
                + "\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("output", is("Rex is five."));

    List<RecordedRequest> last =
        MODEL.requests().subList(MODEL.requests().size() - 2, MODEL.requests().size());
    assertThat(last.get(0).json().at("/messages/0/content").asText())
        .contains("Summarise")
        .contains("Rex");
    assertThat(last.get(1).json().at("/messages/0/content").asText())
        .contains("SUMMARY: the user's dog Rex is five.");
    FakeMemoryService.Conversation stored = memory().conversation(conversationId);
    assertThat(stored.summary).isEqualTo("SUMMARY: the user's dog Rex is five.");
    assertThat(stored.messages).hasSize(6);
  }

  @Test
  void aUserCannotAskInAnotherUsersConversation() {
    String conversationId =
        memory().seed("someone-else", List.of(new String[][] {{"user", "secret plans"}}));
    int before = MODEL.requests().size();

    as(user)
        .body(
            "{\"input\":\"what were my plans?\",\"model_name\":\"openai:gpt-4o-mini\",\"conversation_id\":\""
                + conversationId
                + "\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(404);

    assertThat(MODEL.requests()).hasSize(before);
    assertThat(memory().conversation(conversationId).messages).hasSize(1);
  }

  @Test
  void zoAskAnswersInZosShape() {
    MODEL.enqueue(Reply.text("zo answer"));

    as(user)
        .body("{\"input\":\"hi\",\"model_name\":\"openai:gpt-4o-mini\"}")
        .post("/zo/ask")
        .then()
        .statusCode(200)
        .body("output", is("zo answer"))
        .body("conversation_id", org.hamcrest.Matchers.notNullValue())
        .body("usage", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void aMissingInputIsA400NamingTheField() {
    as(user)
        .body("{\"model_name\":\"openai:gpt-4o-mini\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("input"));
  }

  @Test
  void anInputOverItsMaximumIsA413NamingTheFieldBeforeAnyModelCall() {
    int callsBefore = MODEL.requests().size();
    String input = "y".repeat(65_537);

    as(user)
        .body("{\"input\":\"" + input + "\",\"model_name\":\"openai:gpt-4o-mini\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", endsWith("payload-too-large"))
        .body("errors[0].field", is("input"));
    as(user)
        .body("{\"input\":\"hi\",\"model_name\":\"" + "m".repeat(201) + "\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("model_name"));
    assertThat(MODEL.requests()).hasSize(callsBefore);
  }

  @Test
  void anInputTooLargeForMemoryIsA413NotABadGateway() {
    String input = "x".repeat(1_200_000);

    as(user)
        .body("{\"input\":\"" + input + "\",\"model_name\":\"openai:gpt-4o-mini\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", endsWith("payload-too-large"));
  }

  @Test
  void aProvidersLongErrorBodyReachesTheUserOnlyAsAShortExcerptOnOneLine() {
    MODEL.enqueue(
        Reply.error(400, "bad request\nX-Forged: header\n" + "detail ".repeat(2000) + "END"));

    String detail =
        as(user)
            .body("{\"input\":\"hi\",\"model_name\":\"openai:gpt-4o-mini\"}")
            .post("/api/v1/ask")
            .then()
            .statusCode(502)
            .body("detail", containsString("bad request"))
            .extract()
            .path("detail");

    assertThat(detail).doesNotContain("\n").doesNotContain("END").hasSizeLessThan(400);
  }
}
