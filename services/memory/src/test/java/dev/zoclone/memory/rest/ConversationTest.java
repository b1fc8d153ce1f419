package dev.zoclone.memory.rest;

import static dev.zoclone.memory.Callers.as;
import static dev.zoclone.memory.Callers.memorize;
import static dev.zoclone.memory.Callers.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class ConversationTest {
  @Inject AgroalDataSource dataSource;

  @Test
  void contextHoldsTheNewestTurnsWithinTheBudgetTheOverflowAndRecalledMemories() {
    String user = newUser();
    String memory = memorize(user, "The user's cat is called Miso");
    String id = start(user);
    // Each turn is 40 characters: 10 tokens by the chars/4 estimate.
    List<String> ids =
        append(
            user,
            id,
            turn("user", "a".repeat(40)),
            turn("assistant", "b".repeat(40)),
            turn("user", "c".repeat(40)),
            turn("assistant", "d".repeat(40)));

    JsonPath context = context(user, id, "what is my pet's name?", 25, 3);

    assertThat(context.getList("messages.content")).containsExactly("c".repeat(40), "d".repeat(40));
    assertThat(context.getList("overflow.id")).containsExactly(ids.get(0), ids.get(1));
    assertThat(context.getList("memories.id")).contains(memory);
    assertThat(context.getString("summary")).isNull();
  }

  @Test
  void startingAConversationAnswersTheContextOfItsFirstMessage() {
    String user = newUser();
    String memory = memorize(user, "The user's cat is called Miso");

    JsonPath started =
        as(user)
            .body(
                Map.of(
                    "title",
                    "pets",
                    "message",
                    "what is my pet's name?",
                    "token_budget",
                    100,
                    "top_k",
                    3))
            .post("/internal/v1/conversations/start")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();

    String id = started.getString("conversation_id");
    assertThat(id).isNotBlank();
    assertThat(started.getList("context.memories.id")).contains(memory);
    assertThat(started.getList("context.messages")).isEmpty();
    assertThat(started.getList("context.overflow")).isEmpty();
    assertThat(started.getString("context.summary")).isNull();
    List<String> ids = append(user, id, turn("user", "what is my pet's name?"));
    assertThat(ids).hasSize(1);
    as(user).get("/api/v1/conversations/" + id).then().statusCode(200);
    as(newUser()).get("/api/v1/conversations/" + id).then().statusCode(404);
  }

  @Test
  void startingAConversationRejectsATopKOutOfRangeAndStartsNothing() throws SQLException {
    String user = newUser();
    as(user)
        .body(Map.of("message", "hi", "token_budget", 100, "top_k", 101))
        .post("/internal/v1/conversations/start")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    assertThat(count("SELECT count(*) FROM conversation WHERE owner = ?", user)).isZero();
  }

  @Test
  void summaryReplacesTheTurnsItCovers() {
    String user = newUser();
    String id = start(user);
    List<String> ids =
        append(user, id, turn("user", "first question"), turn("assistant", "first answer"));
    append(user, id, turn("user", "second question"));

    as(user)
        .body(Map.of("summary", "The user asked a first question.", "covers_until", ids.get(1)))
        .put("/internal/v1/conversations/" + id + "/summary")
        .then()
        .statusCode(204);

    JsonPath context = context(user, id, "next", 1000, 0);
    assertThat(context.getString("summary")).isEqualTo("The user asked a first question.");
    assertThat(context.getList("messages.content")).containsExactly("second question");
    assertThat(context.getList("overflow")).isEmpty();
    assertThat(context.getList("memories")).isEmpty();
  }

  @Test
  void summaryMustCoverAMessageOfThatConversation() {
    String user = newUser();
    String id = start(user);
    as(user)
        .body(Map.of("summary", "s", "covers_until", "no-such-message"))
        .put("/internal/v1/conversations/" + id + "/summary")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void publicRoutesListShowAndDeleteOnlyTheCallersConversations() {
    String user = newUser();
    String first = start(user);
    String second = start(user);
    append(user, second, turn("user", "hello there"), turn("assistant", "hi"));

    JsonPath page =
        as(user)
            .queryParam("limit", 1)
            .get("/api/v1/conversations")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(page.getList("conversations.id")).containsExactly(second);
    assertThat(page.getString("next_cursor")).isEqualTo(second);
    JsonPath next =
        as(user)
            .queryParam("cursor", page.getString("next_cursor"))
            .get("/api/v1/conversations")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(next.getList("conversations.id")).containsExactly(first);

    JsonPath shown =
        as(user).get("/api/v1/conversations/" + second).then().statusCode(200).extract().jsonPath();
    assertThat(shown.getList("messages.content")).containsExactly("hello there", "hi");
    assertThat(shown.getList("messages.role")).containsExactly("user", "assistant");

    String stranger = newUser();
    as(stranger).get("/api/v1/conversations/" + second).then().statusCode(404);
    as(stranger).delete("/api/v1/conversations/" + second).then().statusCode(404);
    as(stranger)
        .get("/api/v1/conversations")
        .then()
        .statusCode(200)
        .body("conversations", org.hamcrest.Matchers.empty());
  }

  @Test
  void turnsBecomeRecallableAndDeletingTheConversationRemovesThemAndTheirVectors()
      throws SQLException {
    String user = newUser();
    String id = start(user);
    append(user, id, turn("user", "My flight to Oslo leaves at seven in the morning"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> count("SELECT count(*) FROM memory WHERE conversation_id = ?", id) == 1);
    List<String> found =
        as(user)
            .body(Map.of("query", "when does my plane depart"))
            .post("/api/v1/memories/recall")
            .then()
            .statusCode(200)
            .extract()
            .path("results.content");
    assertThat(found).contains("My flight to Oslo leaves at seven in the morning");

    as(user).delete("/api/v1/conversations/" + id).then().statusCode(204);

    as(user).get("/api/v1/conversations/" + id).then().statusCode(404);
    assertThat(count("SELECT count(*) FROM message WHERE conversation_id = ?", id)).isZero();
    assertThat(
            count(
                "SELECT count(*) FROM memory_chunk c JOIN memory m ON m.id = c.memory_id"
                    + " WHERE m.conversation_id = ?",
                id))
        .isZero();
  }

  @Test
  void appendingABadRoleIsABadRequestAndAppendsNothing() throws SQLException {
    String user = newUser();
    String id = start(user);
    as(user)
        .body(Map.of("messages", List.of(turn("user", "ok"), turn("wizard", "no"))))
        .post("/internal/v1/conversations/" + id + "/messages")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    assertThat(count("SELECT count(*) FROM message WHERE conversation_id = ?", id)).isZero();
  }

  private static String start(String user) {
    return as(user)
        .body(Map.of("title", "chat"))
        .post("/internal/v1/conversations")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @SafeVarargs
  private static List<String> append(String user, String id, Map<String, String>... turns) {
    return as(user)
        .body(Map.of("messages", List.of(turns)))
        .post("/internal/v1/conversations/" + id + "/messages")
        .then()
        .statusCode(200)
        .extract()
        .path("messages.id");
  }

  private static JsonPath context(String user, String id, String message, int budget, int topK) {
    return as(user)
        .body(Map.of("message", message, "token_budget", budget, "top_k", topK))
        .post("/internal/v1/conversations/" + id + "/context")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static Map<String, String> turn(String role, String content) {
    return Map.of("role", role, "content", content);
  }

  private long count(String sql, String param) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, param);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
