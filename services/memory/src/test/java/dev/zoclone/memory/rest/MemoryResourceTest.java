package dev.zoclone.memory.rest;

import static dev.zoclone.memory.Callers.as;
import static dev.zoclone.memory.Callers.memorize;
import static dev.zoclone.memory.Callers.newUser;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class MemoryResourceTest {
  @Inject AgroalDataSource dataSource;

  @Test
  void savedMemoryIsReadBackWithItsMetaAndVersion() {
    String user = newUser();
    String id =
        as(user)
            .body(
                Map.of("content", "Alice prefers tea over coffee", "meta", Map.of("topic", "food")))
            .post("/api/v1/memories")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    JsonPath memory =
        as(user).get("/api/v1/memories/" + id).then().statusCode(200).extract().jsonPath();

    assertThat(memory.getString("content")).isEqualTo("Alice prefers tea over coffee");
    assertThat(memory.getMap("meta")).containsEntry("topic", "food");
    assertThat(memory.getInt("version")).isEqualTo(1);
  }

  @Test
  void emptyContentIsABadRequestNamingTheFieldAndStoresNothing() throws SQLException {
    String user = newUser();
    as(user)
        .body(Map.of("content", "   "))
        .post("/api/v1/memories")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", org.hamcrest.Matchers.is("content"));

    assertThat(count("SELECT count(*) FROM memory WHERE owner = ?", user)).isZero();
  }

  @Test
  void contentOverTheLimitIsRefusedWith413() {
    as(newUser())
        .body(Map.of("content", "x ".repeat(40_000)))
        .post("/api/v1/memories")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", org.hamcrest.Matchers.endsWith("/content-too-large"));
  }

  @Test
  void aBodyOverTheOneMegabyteHttpLimitIsA413Problem() {
    as(newUser())
        .body(Map.of("content", "x".repeat(1_100_000)))
        .post("/api/v1/memories")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", org.hamcrest.Matchers.endsWith("/payload-too-large"));
  }

  @Test
  void malformedJsonIsABadRequestProblem() {
    as(newUser())
        .body("{\"content\": ")
        .post("/api/v1/memories")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void anotherUsersMemoryIsNotFoundForEveryVerb() {
    String id = memorize(newUser(), "The vault code is kept by the owner only");
    String stranger = newUser();

    as(stranger).get("/api/v1/memories/" + id).then().statusCode(404);
    as(stranger).get("/api/v1/memories/" + id + "/history").then().statusCode(404);
    as(stranger)
        .body(Map.of("content", "hijacked"))
        .put("/api/v1/memories/" + id)
        .then()
        .statusCode(404);
    as(stranger).delete("/api/v1/memories/" + id).then().statusCode(404);
  }

  @Test
  void concurrentUpdatesOfOneMemoryTakeTurnsAndAllSucceed() throws Exception {
    String user = newUser();
    String id = memorize(user, "Version zero of a busy memory");
    int writers = 24;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 1; i <= writers; i++) {
        String content = "Version " + i + " of a busy memory";
        statuses.add(
            pool.submit(
                () ->
                    as(user)
                        .body(Map.of("content", content))
                        .put("/api/v1/memories/" + id)
                        .then()
                        .extract()
                        .statusCode()));
      }
      for (Future<Integer> status : statuses) {
        assertThat(status.get(120, TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }

    List<Integer> versions =
        as(user)
            .get("/api/v1/memories/" + id + "/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("versions.version", Integer.class);
    assertThat(versions).hasSize(writers).doesNotHaveDuplicates();
    as(user)
        .get("/api/v1/memories/" + id)
        .then()
        .statusCode(200)
        .body("version", org.hamcrest.Matchers.is(writers + 1));
  }

  @Test
  void updateKeepsThePreviousVersionInTheHistory() {
    String user = newUser();
    String id = memorize(user, "The team standup is at 9:00");

    as(user)
        .body(Map.of("content", "The team standup is at 9:30", "meta", Map.of("changed", "yes")))
        .put("/api/v1/memories/" + id)
        .then()
        .statusCode(200)
        .body("version", org.hamcrest.Matchers.is(2));

    JsonPath history =
        as(user)
            .get("/api/v1/memories/" + id + "/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(history.getList("versions.content")).containsExactly("The team standup is at 9:00");
    assertThat(history.getList("versions.version", Integer.class)).containsExactly(1);
    List<Map<String, Object>> found =
        as(user)
            .body(Map.of("query", "when is the standup", "top_k", 3))
            .post("/api/v1/memories/recall")
            .then()
            .statusCode(200)
            .extract()
            .path("results");
    assertThat(found)
        .extracting(r -> r.get("content"))
        .containsExactly("The team standup is at 9:30");
  }

  @Test
  void deleteRemovesTheVectorsAndLeavesAnAuditRow() throws SQLException {
    String user = newUser();
    String id = memorize(user, "My locker number is 42");

    as(user).delete("/api/v1/memories/" + id).then().statusCode(204);

    as(user).get("/api/v1/memories/" + id).then().statusCode(404);
    assertThat(count("SELECT count(*) FROM memory_chunk WHERE memory_id = ?", id)).isZero();
    assertThat(
            count(
                "SELECT count(*) FROM memory_audit WHERE memory_id = ? AND action = 'deleted'", id))
        .isEqualTo(1);
  }

  @Test
  void nearDuplicateAnswersTheExistingIdInsteadOfANewRow() throws SQLException {
    String user = newUser();
    String first = memorize(user, "Bob's birthday is on the 3rd of May");

    String again =
        as(user)
            .body(Map.of("content", "Bob's birthday is on the 3rd of May."))
            .post("/api/v1/memories")
            .then()
            .statusCode(200)
            .extract()
            .path("deduplicated_of");

    assertThat(again).isEqualTo(first);
    assertThat(count("SELECT count(*) FROM memory WHERE owner = ?", user)).isEqualTo(1);
    memorize(user, "Bob's favourite colour is green");
    assertThat(count("SELECT count(*) FROM memory WHERE owner = ?", user)).isEqualTo(2);
  }

  @Test
  void longContentIsSplitIntoOverlappingChunksAndRecalledOnceWithItsBestChunk()
      throws SQLException {
    String user = newUser();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append("Paragraph ").append(i).append(" of the travel diary talks about museums. ");
    }
    text.append("The hotel in Lisbon had a rooftop pool with a view of the river. ");
    for (int i = 0; i < 40; i++) {
      text.append("Paragraph ").append(i).append(" of the travel diary talks about trains. ");
    }
    String id = memorize(user, text.toString());

    assertThat(count("SELECT count(*) FROM memory_chunk WHERE memory_id = ?", id)).isGreaterThan(3);
    List<Map<String, Object>> found =
        as(user)
            .body(Map.of("query", "swimming on the roof of the hotel", "top_k", 10))
            .post("/api/v1/memories/recall")
            .then()
            .statusCode(200)
            .extract()
            .path("results");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).get("id")).isEqualTo(id);
    assertThat((String) found.get(0).get("content")).contains("rooftop pool");
  }

  @Test
  void aUserPastTheMemoryQuotaGetsA409UntilTheyDeleteOne() {
    String user = newUser();
    List<String> texts =
        List.of(
            "The boiler is serviced every October",
            "Our daughter's piano lesson is on Tuesdays",
            "The car insurance renews in March",
            "Grandma's recipe uses three eggs and a cup of flour",
            "The office wifi password rotates monthly");
    List<String> ids = new ArrayList<>();
    // zo.quota.memories is 5 under test
    texts.forEach(text -> ids.add(memorize(user, text)));

    as(user)
        .body(Map.of("content", "Volcanoes in Iceland erupt along the rift"))
        .post("/api/v1/memories")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", org.hamcrest.Matchers.is("https://zoclone.dev/problems/quota-exceeded"));
    memorize(newUser(), "Volcanoes in Iceland erupt along the rift");

    as(user).delete("/api/v1/memories/" + ids.get(0)).then().statusCode(204);
    memorize(user, "Volcanoes in Iceland erupt along the rift");
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
