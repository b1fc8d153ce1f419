package dev.zoclone.memory.rest;

import static dev.zoclone.memory.Callers.as;
import static dev.zoclone.memory.Callers.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class ConversationRenameAndSearchTest {

  @Test
  void renamingSetsTheTitleTheListAndTheConversationShow() {
    String user = newUser();
    String id = start(user, "first words of a question");

    as(user)
        .body(Map.of("title", "  Trip to Lisbon  "))
        .patch("/api/v1/conversations/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("title", equalTo("Trip to Lisbon"));

    assertThat(
            as(user)
                .get("/api/v1/conversations/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("title")
                .toString())
        .isEqualTo("Trip to Lisbon");
    List<String> titles =
        as(user)
            .get("/api/v1/conversations")
            .then()
            .statusCode(200)
            .extract()
            .path("conversations.title");
    assertThat(titles).containsExactly("Trip to Lisbon");
  }

  @Test
  void anotherUsersConversationCannotBeRenamed() {
    String owner = newUser();
    String id = start(owner, "mine");

    as(newUser())
        .body(Map.of("title", "taken over"))
        .patch("/api/v1/conversations/" + id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");

    assertThat(
            as(owner).get("/api/v1/conversations/" + id).then().extract().path("title").toString())
        .isEqualTo("mine");
  }

  @Test
  void aBlankMissingOrOverlongTitleIsABadRequestNamingTheField() {
    String user = newUser();
    String id = start(user, "kept");
    for (Object body :
        List.of(Map.of("title", "   "), Map.of(), Map.of("title", "x".repeat(201)))) {
      as(user)
          .body(body)
          .patch("/api/v1/conversations/" + id)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("title"));
    }
    assertThat(
            as(user).get("/api/v1/conversations/" + id).then().extract().path("title").toString())
        .isEqualTo("kept");
  }

  @Test
  void searchFindsTitlesAndMessageContentOfTheCallerOnly() {
    String user = newUser();
    String byTitle = start(user, "Paella recipe");
    String byMessage = start(user, "dinner plans");
    append(user, byMessage, "Which rice suits a PAELLA best?");
    String other = start(user, "car insurance");
    append(user, other, "When does my policy end?");
    String stranger = newUser();
    start(stranger, "paella for strangers");

    List<String> found =
        as(user)
            .queryParam("q", "paella")
            .get("/api/v1/conversations")
            .then()
            .statusCode(200)
            .extract()
            .path("conversations.id");
    assertThat(found).containsExactlyInAnyOrder(byTitle, byMessage);

    List<String> all =
        as(user)
            .queryParam("q", "")
            .get("/api/v1/conversations")
            .then()
            .statusCode(200)
            .extract()
            .path("conversations.id");
    assertThat(all).containsExactlyInAnyOrder(byTitle, byMessage, other);

    // A LIKE wildcard is matched as itself, not as "anything".
    List<String> wildcard =
        as(user)
            .queryParam("q", "%")
            .get("/api/v1/conversations")
            .then()
            .statusCode(200)
            .extract()
            .path("conversations.id");
    assertThat(wildcard).isEmpty();
  }

  @Test
  void searchPagesWithTheCursor() {
    String user = newUser();
    String older = start(user, "note one");
    String newer = start(user, "note two");
    start(user, "unrelated");

    var first =
        as(user)
            .queryParam("q", "note")
            .queryParam("limit", 1)
            .get("/api/v1/conversations")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(first.getList("conversations.id")).containsExactly(newer);
    List<String> second =
        as(user)
            .queryParam("q", "note")
            .queryParam("limit", 1)
            .queryParam("cursor", first.getString("next_cursor"))
            .get("/api/v1/conversations")
            .then()
            .statusCode(200)
            .extract()
            .path("conversations.id");
    assertThat(second).containsExactly(older);
  }

  @Test
  void anOverlongSearchIsABadRequest() {
    as(newUser())
        .queryParam("q", "y".repeat(201))
        .get("/api/v1/conversations")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("q"));
  }

  private static String start(String user, String title) {
    return as(user)
        .body(Map.of("title", title))
        .post("/internal/v1/conversations")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static void append(String user, String id, String content) {
    as(user)
        .body(Map.of("messages", List.of(Map.of("role", "user", "content", content))))
        .post("/internal/v1/conversations/" + id + "/messages")
        .then()
        .statusCode(200);
  }
}
