package dev.zoclone.agents.rest;

import static dev.zoclone.agents.support.Api.as;
import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import dev.zoclone.agents.runs.RunOwnership;
import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An ask or a spawn retried with the same Idempotency-Key runs once and answers the same. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class IdempotencyKeyTest {
  static final FakeOpenAiServer MODEL = new FakeOpenAiServer().setDefault(Reply.text("answer"));

  @Inject AgroalDataSource dataSource;
  @Inject RunOwnership ownership;

  String user;
  String key;

  @AfterAll
  static void stop() {
    MODEL.close();
  }

  @BeforeEach
  void keyForANewUser() {
    user = newUser();
    key = "retry-" + UUID.randomUUID();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", "sk-idem-0123456789", "m");
  }

  private Response post(String who, String path, String body) {
    return as(who).header("Idempotency-Key", key).body(body).post(path);
  }

  @Test
  void anAskRetriedWithItsKeyRunsOnceAndAnswersTheSame() {
    int before = MODEL.requests().size();
    String body = "{\"input\":\"once only\",\"model_name\":\"openai:m\"}";

    Response first = post(user, "/api/v1/ask", body);
    Response again = post(user, "/api/v1/ask", body);

    first.then().statusCode(200).body("output", is("answer"));
    again.then().statusCode(200).header("Idempotency-Replayed", is("true"));
    assertThat(again.jsonPath().getString("conversation_id"))
        .isEqualTo(first.jsonPath().getString("conversation_id"));
    assertThat(again.jsonPath().getString("output")).isEqualTo("answer");
    assertThat(MODEL.requests().size() - before).as("the model was called once").isEqualTo(1);
    assertThat(
            FakeMemoryResource.memory()
                .conversation(first.jsonPath().getString("conversation_id"))
                .messages)
        .as("the turn was stored once")
        .hasSize(2);
  }

  @Test
  void theSameKeyWithAnotherRequestIs422AndAnotherUsersKeyIsTheirOwn() {
    post(user, "/api/v1/ask", "{\"input\":\"first\",\"model_name\":\"openai:m\"}")
        .then()
        .statusCode(200);

    post(user, "/api/v1/ask", "{\"input\":\"second\",\"model_name\":\"openai:m\"}")
        .then()
        .statusCode(422)
        .body("type", endsWith("idempotency-key-reused"));

    String other = newUser();
    openAiKey(other, "openai", MODEL.baseUrl() + "/v1", "sk-idem-0123456789", "m");
    post(other, "/api/v1/ask", "{\"input\":\"second\",\"model_name\":\"openai:m\"}")
        .then()
        .statusCode(200)
        .header("Idempotency-Replayed", (String) null);
  }

  @Test
  void aFailedAskFreesItsKeySoTheRetryRuns() {
    MODEL.enqueue(Reply.error(400, "model not found"));
    String body = "{\"input\":\"try again\",\"model_name\":\"openai:m\"}";

    post(user, "/api/v1/ask", body).then().statusCode(502);
    post(user, "/api/v1/ask", body)
        .then()
        .statusCode(200)
        .body("output", is("answer"))
        .header("Idempotency-Replayed", (String) null);
  }

  @Test
  void aKeyWhoseFirstAskDiedWithItsReplicaIsFreedForTheRetryAtOnce() throws Exception {
    String body = "{\"input\":\"taken over\",\"model_name\":\"openai:m\"}";
    post(user, "/api/v1/ask", body).then().statusCode(200);
    int before = MODEL.requests().size();

    unfinishedUnder(ownership.replicaId());
    post(user, "/api/v1/ask", body)
        .then()
        .statusCode(409)
        .body("type", endsWith("idempotency-key-in-progress"));

    unfinishedUnder("dead-" + UUID.randomUUID());
    Response retry = post(user, "/api/v1/ask", body);

    retry.then().statusCode(200).body("output", is("answer"));
    assertThat(retry.header("Idempotency-Replayed")).isNull();
    assertThat(MODEL.requests().size() - before).as("the retry ran").isEqualTo(1);
  }

  /** Makes the key's stored ask look still running on {@code replica} (no answer stored). */
  private void unfinishedUnder(String replica) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE idempotent_request SET status = NULL, body = NULL, replica_id = ?"
                    + " WHERE key = ?")) {
      update.setString(1, replica);
      update.setString(2, key);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  @Test
  void aStreamedAskRetriedWithItsKeyReplaysItsAnswer() {
    int before = MODEL.requests().size();
    String body = "{\"input\":\"stream once\",\"model_name\":\"openai:m\",\"stream\":true}";

    String first = post(user, "/api/v1/ask", body).then().statusCode(200).extract().asString();
    String again = post(user, "/api/v1/ask", body).then().statusCode(200).extract().asString();

    assertThat(first).contains("event: End").contains("\"output\":\"answer\"");
    assertThat(again).contains("event: End").contains("\"output\":\"answer\"");
    String conversation = first.replaceAll("(?s).*\"conversation_id\":\"([^\"]+)\".*", "$1");
    assertThat(again).contains(conversation);
    assertThat(MODEL.requests().size() - before).isEqualTo(1);
  }

  @Test
  void aSpawnAndASpawnAllRetriedWithTheirKeyStartNothingNew() {
    String spawn = "{\"prompt\":\"p\",\"model_name\":\"openai:m\"}";
    String id = post(user, "/api/v1/agents", spawn).then().statusCode(202).extract().path("id");
    post(user, "/api/v1/agents", spawn)
        .then()
        .statusCode(202)
        .header("Idempotency-Replayed", is("true"))
        .body("id", is(id));

    String all = "{\"agents\":[{\"prompt\":\"p\",\"model_name\":\"openai:m\"}]}";
    String run =
        post(user, "/api/v1/agents/spawn-all", all)
            .then()
            .statusCode(200)
            .extract()
            .path("results[0].agent_id");
    post(user, "/api/v1/agents/spawn-all", all)
        .then()
        .statusCode(200)
        .body("results[0].agent_id", is(run));
  }

  @Test
  void aMalformedKeyIsA400NamingTheHeader() {
    as(user)
        .header("Idempotency-Key", "has space")
        .body("{\"input\":\"x\",\"model_name\":\"openai:m\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("Idempotency-Key"));
  }
}
