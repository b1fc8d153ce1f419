package dev.zoclone.agents.rest;

import static dev.zoclone.agents.support.Api.as;
import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.testing.fakemodel.Disconnect;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class AgentResourceTest {
  static final FakeOpenAiServer FAST =
      new FakeOpenAiServer().setDefault(Reply.text("done").delay(Duration.ofMillis(200)));
  static final FakeOpenAiServer BROKEN =
      new FakeOpenAiServer().setDefault(Reply.error(400, "model not found"));
  static final FakeOpenAiServer LIMITED =
      new FakeOpenAiServer().setDefault(Reply.text("ok").delay(Duration.ofMillis(400)));
  static final FakeOpenAiServer SLOW =
      new FakeOpenAiServer().setDefault(Reply.text("late").delay(Duration.ofSeconds(6)));

  String user;

  @AfterAll
  static void stop() {
    FAST.close();
    BROKEN.close();
    SLOW.close();
    LIMITED.close();
  }

  @BeforeEach
  void keys() {
    user = newUser();
    openAiKey(user, "fast", FAST.baseUrl() + "/v1", "sk-fast-0123456789", "m");
    openAiKey(user, "broken", BROKEN.baseUrl() + "/v1", "sk-broken-0123456789", "m");
    openAiKey(user, "slow", SLOW.baseUrl() + "/v1", "sk-slow-0123456789", "m");
  }

  @Test
  void spawnAllReturnsEveryResultInOrderAndOneFailureFailsNoOther() {
    StringBuilder agents = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      String model = i == 2 ? "broken:m" : i == 4 ? "nokey:m" : "fast:m";
      agents
          .append(i == 0 ? "" : ",")
          .append("{\"id\":\"a")
          .append(i)
          .append("\",\"prompt\":\"task ")
          .append(i)
          .append("\",\"model_name\":\"")
          .append(model)
          .append("\"}");
    }
    long start = System.nanoTime();

    JsonPath results =
        as(user)
            .body("{\"agents\":[" + agents + "],\"max_concurrency\":6}")
            .post("/api/v1/agents/spawn-all")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(results.getList("results.agent_id"))
        .containsExactly("a0", "a1", "a2", "a3", "a4", "a5");
    assertThat(results.getList("results.status"))
        .containsExactly("SUCCEEDED", "SUCCEEDED", "FAILED", "SUCCEEDED", "FAILED", "SUCCEEDED");
    assertThat(results.getString("results[0].output")).isEqualTo("done");
    assertThat(results.getString("results[2].error")).contains("model not found");
    assertThat(results.getString("results[4].error")).contains("bin/zo keys set nokey");
    assertThat(elapsedMs).as("four 200 ms agents ran in parallel").isLessThan(4 * 200 + 2000);
  }

  @Test
  void everyRunOfASpawnAllIsStoredWithHowItEnded() {
    String agents =
        String.join(
                ",",
                java.util.Collections.nCopies(30, "{\"prompt\":\"p\",\"model_name\":\"fast:m\"}"))
            + ",{\"prompt\":\"p\",\"model_name\":\"broken:m\"}";

    JsonPath results =
        as(user)
            .body("{\"agents\":[" + agents + "],\"max_concurrency\":31}")
            .post("/api/v1/agents/spawn-all")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    List<String> ids = results.getList("results.agent_id");
    assertThat(ids).hasSize(31).doesNotHaveDuplicates();
    for (int i = 0; i < ids.size(); i++) {
      JsonPath run = as(user).get("/api/v1/agents/" + ids.get(i)).then().extract().jsonPath();
      assertThat(run.getString("status")).isEqualTo(i < 30 ? "SUCCEEDED" : "FAILED");
      assertThat(run.getString("output")).isEqualTo(i < 30 ? "done" : null);
      assertThat(run.getString("started_at")).isNotNull();
      assertThat(run.getString("finished_at")).isNotNull();
    }
  }

  @Test
  void spawnAllHonoursTheConcurrencyLimit() {
    int before = FAST.requests().size();
    String agents =
        String.join(
            ",", java.util.Collections.nCopies(4, "{\"prompt\":\"p\",\"model_name\":\"fast:m\"}"));
    long start = System.nanoTime();

    as(user)
        .body("{\"agents\":[" + agents + "],\"max_concurrency\":1}")
        .post("/api/v1/agents/spawn-all")
        .then()
        .statusCode(200);

    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(4 * 200);
    assertThat(FAST.requests().size() - before).isEqualTo(4);
  }

  @Test
  void callsOfOneKeyWaitForTheKeysConcurrencyLimit() {
    // The test profile allows 4 calls per key at once (zo.agents.provider.max-concurrency-per-key).
    openAiKey(user, "limited", LIMITED.baseUrl() + "/v1", "sk-limited-0123456789", "m");
    openAiKey(user, "other", LIMITED.baseUrl() + "/v1", "sk-other-0123456789", "m");
    int before = LIMITED.requests().size();
    String agents =
        String.join(
            ",",
            java.util.Collections.nCopies(8, "{\"prompt\":\"p\",\"model_name\":\"limited:m\"}"));

    JsonPath results =
        as(user)
            .body(
                "{\"agents\":["
                    + agents
                    + ",{\"id\":\"o\",\"prompt\":\"p\",\"model_name\":\"other:m\"}],\"max_concurrency\":9}")
            .post("/api/v1/agents/spawn-all")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(results.getList("results.status")).containsOnly("SUCCEEDED");
    var calls = LIMITED.requests().subList(before, LIMITED.requests().size());
    var limited =
        calls.stream()
            .filter(r -> r.header("Authorization").orElse("").contains("sk-limited"))
            .map(r -> r.receivedAt().toEpochMilli())
            .sorted()
            .toList();
    var other =
        calls.stream()
            .filter(r -> r.header("Authorization").orElse("").contains("sk-other"))
            .map(r -> r.receivedAt().toEpochMilli())
            .toList();
    assertThat(limited).hasSize(8);
    assertThat(limited.get(3) - limited.get(0))
        .as("the first four calls of the key start together")
        .isLessThan(350);
    assertThat(limited.get(4) - limited.get(0))
        .as("the fifth call of the key waits until one of the first four ends")
        .isGreaterThanOrEqualTo(350);
    assertThat(other.get(0) - limited.get(0))
        .as("another key of the same user does not wait for this one's slots")
        .isLessThan(350);
  }

  @Test
  void anAgentOverItsTimeoutIsTimedOutWithoutFailingTheOthers() {
    int hungUpBefore = SLOW.disconnects().size();
    long start = System.nanoTime();

    as(user)
        .body(
            "{\"agents\":[{\"id\":\"slow\",\"prompt\":\"p\",\"model_name\":\"slow:m\"},{\"id\":\"fast\",\"prompt\":\"p\",\"model_name\":\"fast:m\"}],\"timeout_ms\":1000}")
        .post("/api/v1/agents/spawn-all")
        .then()
        .statusCode(200)
        .body("results[0].status", is("TIMED_OUT"))
        .body("results[1].status", is("SUCCEEDED"));

    SLOW.awaitDisconnects(hungUpBefore + 1, Duration.ofSeconds(2));
    assertThat((System.nanoTime() - start) / 1_000_000)
        .as("the timed-out agent's model call was closed, not left running for its 6 s")
        .isLessThan(3500);
  }

  @Test
  void aBackgroundAgentRunsAndItsResultCanBeRead() {
    String id =
        as(user)
            .body("{\"prompt\":\"do it\",\"model_name\":\"fast:m\"}")
            .post("/api/v1/agents")
            .then()
            .statusCode(202)
            .body("status", is("QUEUED"))
            .extract()
            .path("id");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> as(user).get("/api/v1/agents/" + id).then().body("status", is("SUCCEEDED")));
    as(user).get("/api/v1/agents/" + id).then().body("output", is("done"));
    as(newUser()).get("/api/v1/agents/" + id).then().statusCode(404);
  }

  @Test
  void cancellingARunningAgentStopsItsModelCall() {
    int before = SLOW.requests().size();
    String id =
        as(user)
            .body("{\"prompt\":\"long job\",\"model_name\":\"slow:m\"}")
            .post("/api/v1/agents")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    await().atMost(Duration.ofSeconds(10)).until(() -> SLOW.requests().size() > before);
    int hungUpBefore = SLOW.disconnects().size();
    long start = System.nanoTime();

    as(user).delete("/api/v1/agents/" + id).then().statusCode(200).body("status", is("CANCELLED"));

    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
    List<Disconnect> hungUp = SLOW.awaitDisconnects(hungUpBefore + 1, Duration.ofSeconds(2));
    assertThat(hungUp.get(hungUp.size() - 1).request().body()).contains("long job");
    assertThat((System.nanoTime() - start) / 1_000_000)
        .as("the provider saw its connection closed soon after the cancel, not after its 6 s")
        .isLessThan(2500);
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(3))
        .untilAsserted(
            () -> as(user).get("/api/v1/agents/" + id).then().body("status", is("CANCELLED")));
  }

  @Test
  void promptsOverTheirMaximumAreA413NamingTheField() {
    String prompt = "p".repeat(65_537);
    as(user)
        .body("{\"prompt\":\"" + prompt + "\"}")
        .post("/api/v1/agents")
        .then()
        .statusCode(413)
        .body("type", endsWith("payload-too-large"))
        .body("errors[0].field", is("prompt"));
    as(user)
        .body(
            "{\"agents\":[{\"id\":\"a\",\"prompt\":\"fine\"},{\"id\":\"b\",\"prompt\":\""
                + prompt
                + "\"}]}")
        .post("/api/v1/agents/spawn-all")
        .then()
        .statusCode(413)
        .body("errors[0].field", is("agents[1].prompt"));
    as(user)
        .body("{\"agents\":[{\"id\":\"" + "i".repeat(201) + "\",\"prompt\":\"fine\"}]}")
        .post("/api/v1/agents/spawn-all")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("agents[0].id"));
  }

  @Test
  void spawnAllRejectsAnAgentWithoutAPrompt() {
    as(user)
        .body("{\"agents\":[{\"id\":\"x\"}]}")
        .post("/api/v1/agents/spawn-all")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("agents[0].prompt"));
  }
}
