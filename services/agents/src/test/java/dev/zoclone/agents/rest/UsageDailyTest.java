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
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class UsageDailyTest {
  static final FakeOpenAiServer MODEL = new FakeOpenAiServer();

  @Inject AgroalDataSource dataSource;

  @AfterAll
  static void stop() {
    MODEL.close();
  }

  @Test
  void tokensAreSummedPerUtcDayKeyAndModelWithinTheDaysAsked() throws SQLException {
    String user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", "sk-daily-0123456789", "gpt-4o-mini");
    MODEL.enqueue(Reply.text("one").usage(10, 2), Reply.text("two").usage(5, 1));
    ask(user);
    ask(user);
    Instant noon = LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);
    record(user, "lab", "llama", 7, 3, noon.minus(2, ChronoUnit.DAYS));
    record(user, "lab", "llama", 1, 1, noon.minus(2, ChronoUnit.DAYS));
    record(user, "lab", "llama", 100, 100, noon.minus(40, ChronoUnit.DAYS));
    record(newUser(), "openai", "gpt-4o-mini", 999, 999, noon);

    JsonPath daily =
        as(user)
            .queryParam("days", 30)
            .get("/api/v1/usage/daily")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThat(daily.getString("to")).isEqualTo(today.toString());
    assertThat(daily.getString("from")).isEqualTo(today.minusDays(29).toString());
    List<Map<String, Object>> days = daily.getList("days");
    assertThat(days)
        .extracting(
            d -> d.get("day"),
            d -> d.get("key_name"),
            d -> d.get("model"),
            d -> d.get("calls"),
            d -> d.get("input_tokens"),
            d -> d.get("output_tokens"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                today.minusDays(2).toString(), "lab", "llama", 2, 8, 4),
            org.assertj.core.groups.Tuple.tuple(
                today.toString(), "openai", "gpt-4o-mini", 2, 15, 3));

    List<String> todayOnly =
        as(user)
            .queryParam("days", 1)
            .get("/api/v1/usage/daily")
            .then()
            .statusCode(200)
            .extract()
            .path("days.key_name");
    assertThat(todayOnly).containsExactly("openai");
  }

  @Test
  void daysOutOfRangeIsABadRequestNamingTheField() {
    for (int days : new int[] {0, 367}) {
      as(newUser())
          .queryParam("days", days)
          .get("/api/v1/usage/daily")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", is("days"));
    }
  }

  private static void ask(String user) {
    as(user)
        .body("{\"input\":\"hi\",\"model_name\":\"openai\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200);
  }

  private void record(String owner, String key, String model, int in, int out, Instant at)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO usage_record (owner, key_name, model, input_tokens, output_tokens,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, owner);
      insert.setString(2, key);
      insert.setString(3, model);
      insert.setInt(4, in);
      insert.setInt(5, out);
      insert.setTimestamp(6, Timestamp.from(at));
      insert.executeUpdate();
    }
  }
}
