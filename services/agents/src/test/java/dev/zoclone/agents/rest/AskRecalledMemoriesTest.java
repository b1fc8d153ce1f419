package dev.zoclone.agents.rest;

import static dev.zoclone.agents.support.Api.as;
import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class AskRecalledMemoriesTest {
  static final FakeOpenAiServer MODEL = new FakeOpenAiServer().setDefault(Reply.text("Teal."));

  @AfterAll
  static void stop() {
    MODEL.close();
  }

  @Test
  void theAnswerNamesTheMemoriesRecalledIntoItsContext() {
    String user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", "sk-recall-0123456789", "gpt-4o-mini");
    FakeMemoryResource.memory().remember(user, "The user's favourite colour is teal");
    FakeMemoryResource.memory().remember(user, "The user lives in Porto");

    JsonPath answer =
        as(user)
            .body("{\"input\":\"What is my favourite colour?\",\"model_name\":\"openai\"}")
            .post("/api/v1/ask")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    List<Map<String, Object>> recalled = answer.getList("metadata.recalled_memories");
    assertThat(recalled).hasSize(1);
    assertThat(recalled.get(0).get("excerpt")).isEqualTo("The user's favourite colour is teal");
    assertThat((String) recalled.get(0).get("id")).isNotBlank();
    assertThat(((Number) recalled.get(0).get("score")).doubleValue()).isPositive();
    // The model saw that memory: it is what the metadata reports, not a second recall.
    assertThat(MODEL.lastRequest().json().toString()).contains("favourite colour is teal");
  }

  @Test
  void aStreamedAnswerCarriesThemInItsEndEvent() throws Exception {
    String user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", "sk-recall-0123456789", "gpt-4o-mini");
    FakeMemoryResource.memory().remember(user, "The user's cat is called Miso");

    String events =
        as(user)
            .accept("text/event-stream")
            .body(
                "{\"input\":\"what is my cat called?\",\"model_name\":\"openai\",\"stream\":true}")
            .post("/api/v1/ask")
            .then()
            .statusCode(200)
            .extract()
            .asString();

    String end = endData(events);
    JsonNode recalled = new ObjectMapper().readTree(end).path("metadata").path("recalled_memories");
    assertThat(recalled.size()).isEqualTo(1);
    assertThat(recalled.get(0).path("excerpt").asText()).isEqualTo("The user's cat is called Miso");
  }

  @Test
  void anAnswerThatRecalledNothingHasNoRecalledMemories() {
    String user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", "sk-recall-0123456789", "gpt-4o-mini");

    JsonPath answer =
        as(user)
            .body("{\"input\":\"hello there\",\"model_name\":\"openai\"}")
            .post("/api/v1/ask")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(answer.getString("output")).isEqualTo("Teal.");
    assertThat(answer.getList("metadata.recalled_memories")).isNull();
  }

  private static String endData(String events) {
    String[] blocks = events.replace("\r\n", "\n").split("\n\n");
    for (String block : blocks) {
      if (block.contains("event: End") || block.contains("event:End")) {
        StringBuilder data = new StringBuilder();
        for (String line : block.split("\n")) {
          if (line.startsWith("data:")) {
            data.append(line.substring(5).strip());
          }
        }
        return data.toString();
      }
    }
    throw new AssertionError("no End event in " + events);
  }
}
