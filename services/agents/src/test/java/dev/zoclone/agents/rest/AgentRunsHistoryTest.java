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
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class AgentRunsHistoryTest {
  static final FakeOpenAiServer MODEL = new FakeOpenAiServer().setDefault(Reply.text("done"));
  static final FakeOpenAiServer BROKEN =
      new FakeOpenAiServer().setDefault(Reply.error(400, "model not found"));

  @AfterAll
  static void stop() {
    MODEL.close();
    BROKEN.close();
  }

  @Test
  void theHistoryPagesTheCallersRunsNewestFirstWithStatusModelAndDuration() {
    String user = newUser();
    openAiKey(user, "fast", MODEL.baseUrl() + "/v1", "sk-fast-0123456789", "m");
    openAiKey(user, "broken", BROKEN.baseUrl() + "/v1", "sk-broken-0123456789", "m");
    spawnAll(user, "[{\"prompt\":\"first task\",\"model_name\":\"fast:m\"}]");
    spawnAll(
        user,
        "[{\"prompt\":\"second task\",\"model_name\":\"fast:m\"},"
            + "{\"prompt\":\"third task\",\"model_name\":\"broken:m\"}]");
    String stranger = newUser();
    openAiKey(stranger, "fast", MODEL.baseUrl() + "/v1", "sk-fast-0123456789", "m");
    spawnAll(stranger, "[{\"prompt\":\"not yours\",\"model_name\":\"fast:m\"}]");

    List<String> prompts = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = as(user).queryParam("limit", 2);
      if (cursor != null) {
        request = request.queryParam("cursor", cursor);
      }
      JsonPath page =
          request.get("/api/v1/agents/runs").then().statusCode(200).extract().jsonPath();
      prompts.addAll(page.getList("runs.prompt_excerpt"));
      statuses.addAll(page.getList("runs.status"));
      for (int i = 0; i < page.getList("runs").size(); i++) {
        assertThat(page.getString("runs[" + i + "].model_name")).endsWith(":m");
        assertThat(page.getLong("runs[" + i + "].duration_ms")).isNotNegative();
        assertThat(page.getString("runs[" + i + "].output")).isNull();
      }
      cursor = page.getString("next_cursor");
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(2);
    // The second spawn-all's two runs share a creation time: newest first, in any order.
    assertThat(prompts.subList(0, 2)).containsExactlyInAnyOrder("second task", "third task");
    assertThat(prompts.get(2)).isEqualTo("first task");
    assertThat(statuses).containsExactlyInAnyOrder("SUCCEEDED", "SUCCEEDED", "FAILED");

    JsonPath failed =
        as(user)
            .queryParam("status", "FAILED")
            .get("/api/v1/agents/runs")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(failed.getList("runs.prompt_excerpt")).containsExactly("third task");
    assertThat(failed.getString("runs[0].error")).contains("model not found");
    assertThat(failed.getString("next_cursor")).isNull();
  }

  @Test
  void aLongPromptIsCutToAnExcerpt() {
    String user = newUser();
    openAiKey(user, "fast", MODEL.baseUrl() + "/v1", "sk-fast-0123456789", "m");
    spawnAll(user, "[{\"prompt\":\"" + "w".repeat(500) + "\",\"model_name\":\"fast:m\"}]");

    String excerpt =
        as(user)
            .get("/api/v1/agents/runs")
            .then()
            .statusCode(200)
            .extract()
            .path("runs[0].prompt_excerpt");
    assertThat(excerpt).hasSize(201).startsWith("w".repeat(200)).endsWith("…");
  }

  @Test
  void badStatusLimitOrCursorIsABadRequestNamingTheField() {
    String user = newUser();
    as(user)
        .queryParam("status", "DONE")
        .get("/api/v1/agents/runs")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", is("status"));
    as(user)
        .queryParam("limit", 0)
        .get("/api/v1/agents/runs")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("limit"));
    as(user)
        .queryParam("limit", 101)
        .get("/api/v1/agents/runs")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("limit"));
    as(user)
        .queryParam("cursor", "no-such-run")
        .get("/api/v1/agents/runs")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("cursor"));
  }

  @Test
  void anotherUsersRunIsNotACursor() {
    String owner = newUser();
    openAiKey(owner, "fast", MODEL.baseUrl() + "/v1", "sk-fast-0123456789", "m");
    spawnAll(owner, "[{\"prompt\":\"mine\",\"model_name\":\"fast:m\"}]");
    String runId =
        as(owner).get("/api/v1/agents/runs").then().statusCode(200).extract().path("runs[0].id");

    as(newUser())
        .queryParam("cursor", runId)
        .get("/api/v1/agents/runs")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("cursor"));
  }

  private static void spawnAll(String user, String agents) {
    as(user)
        .body("{\"agents\":" + agents + ",\"max_concurrency\":2}")
        .post("/api/v1/agents/spawn-all")
        .then()
        .statusCode(200);
  }
}
