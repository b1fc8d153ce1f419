package dev.zoclone.agents.tool;

import static dev.zoclone.agents.support.Api.as;
import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry through a real ask and the fake model: an ask's {@code tools} chooses groups, the
 * model sees only their tools, bad arguments and an unreachable service reach the model as short
 * errors, and a long output is cut with a note.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class ToolSelectionTest {
  static final FakeOpenAiServer MODEL = new FakeOpenAiServer();

  String user;

  @AfterAll
  static void stop() {
    MODEL.close();
  }

  @BeforeEach
  void keyForANewUser() {
    user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", "sk-tools-0123456789ab", "gpt-4o-mini");
  }

  private static List<String> offered(JsonNode request) {
    List<String> names = new ArrayList<>();
    request.path("tools").forEach(tool -> names.add(tool.at("/function/name").asText()));
    return names;
  }

  @Test
  void anAskWithToolGroupsOffersOnlyThoseGroupsTools() {
    MODEL.enqueue(Reply.text("ok"));

    as(user)
        .body(
            "{\"model_name\":\"openai:gpt-4o-mini\",\"input\":\"hi\",\"tools\":[\"memory\",\"jobs\"]}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200);

    assertThat(offered(MODEL.lastRequest().json()))
        .containsExactly(
            "memory_save",
            "memory_recall",
            "memory_forget",
            "jobs_submit",
            "jobs_status",
            "jobs_cancel");
  }

  @Test
  void anAskWithoutToolsOffersEveryGroupWhoseServiceAnswers() {
    MODEL.enqueue(Reply.text("ok"));

    as(user)
        .body("{\"model_name\":\"openai:gpt-4o-mini\",\"input\":\"hi\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200);

    // The skills service is not running in this test, so its tools are left out.
    assertThat(offered(MODEL.lastRequest().json()))
        .contains(
            "memory_recall",
            "conversations_list",
            "conversations_read",
            "agents_spawn_all",
            "automations_preview",
            "automations_create",
            "automations_list",
            "automations_pause",
            "automations_delete",
            "automations_runs",
            "jobs_submit",
            "processes_list",
            "processes_start",
            "processes_stop",
            "processes_logs",
            "browser_navigate")
        .noneMatch(name -> name.startsWith("skills_"));
  }

  @Test
  void aPersonasToolGroupsAreItsAsksDefaultAndAnAsksOwnGroupsWin() {
    String persona =
        as(user)
            .body(
                "{\"name\":\"planner\",\"system_prompt\":\"You plan.\",\"tools\":[\"automations\"]}")
            .post("/api/v1/personas")
            .then()
            .statusCode(201)
            .body("tools[0]", is("automations"))
            .extract()
            .path("id");

    MODEL.enqueue(Reply.text("ok"));
    as(user)
        .body(
            "{\"model_name\":\"openai:gpt-4o-mini\",\"input\":\"hi\",\"persona_id\":\""
                + persona
                + "\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200);
    assertThat(offered(MODEL.lastRequest().json()))
        .isNotEmpty()
        .allMatch(name -> name.startsWith("automations_"));

    MODEL.enqueue(Reply.text("ok"));
    as(user)
        .body(
            "{\"model_name\":\"openai:gpt-4o-mini\",\"input\":\"hi\",\"persona_id\":\""
                + persona
                + "\",\"tools\":[\"jobs\"]}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200);
    assertThat(offered(MODEL.lastRequest().json()))
        .containsExactly("jobs_submit", "jobs_status", "jobs_cancel");
  }

  @Test
  void aPersonaWithAnUnknownToolGroupIsA400NamingTools() {
    as(user)
        .body("{\"name\":\"odd\",\"system_prompt\":\"x\",\"tools\":[\"teleport\"]}")
        .post("/api/v1/personas")
        .then()
        .statusCode(400)
        .body("detail", containsString("tools"))
        .body("detail", containsString("teleport"));
  }

  @Test
  void anUnknownGroupIsA400NamingTools() {
    as(user)
        .body(
            "{\"model_name\":\"openai:gpt-4o-mini\",\"input\":\"hi\",\"tools\":[\"memory\",\"teleport\"]}")
        .post("/api/v1/ask")
        .then()
        .statusCode(400)
        .body("type", containsString("validation"))
        .body("detail", containsString("tools"))
        .body("detail", containsString("teleport"));
  }

  @Test
  void argumentsThatBreakTheSchemaReachTheModelAsAnError() {
    MODEL.enqueue(
        Reply.toolCall("memory_recall", "{\"query\":\"tea\",\"top_k\":\"five\"}"),
        Reply.text("sorry"));

    as(user)
        .body(
            "{\"model_name\":\"openai:gpt-4o-mini\",\"input\":\"what do I drink?\",\"tools\":[\"memory\"]}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("tool_calls[0].result", startsWith("error: invalid arguments"))
        .body("tool_calls[0].result", containsString("top_k"));
  }

  @Test
  void aServiceThatIsDownIsAShortErrorNotAFailedAsk() {
    MODEL.enqueue(
        Reply.toolCall("automations_list", "{}"), Reply.text("The scheduler is unavailable."));

    as(user)
        .body(
            "{\"model_name\":\"openai:gpt-4o-mini\",\"input\":\"list my automations\",\"tools\":[\"automations\"]}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("output", is("The scheduler is unavailable."))
        .body("tool_calls[0].result", is("error: the scheduler service is not reachable"));
  }

  @Test
  void aLongToolOutputIsCutWithANote() {
    FakeMemoryResource.memory().remember(user, "green tea ".repeat(2000));
    MODEL.enqueue(Reply.toolCall("memory_recall", "{\"query\":\"green\"}"), Reply.text("ok"));

    String result =
        as(user)
            .body(
                "{\"model_name\":\"openai:gpt-4o-mini\",\"input\":\"tea?\",\"tools\":[\"memory_recall\"]}")
            .post("/api/v1/ask")
            .then()
            .statusCode(200)
            .extract()
            .path("tool_calls[0].result");

    assertThat(result).contains("[output cut at 16000 of ").hasSizeLessThan(16100);
  }
}
