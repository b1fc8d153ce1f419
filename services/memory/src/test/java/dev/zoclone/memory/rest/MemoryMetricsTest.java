package dev.zoclone.memory.rest;

import static dev.zoclone.memory.Callers.as;
import static dev.zoclone.memory.Callers.memorize;
import static dev.zoclone.memory.Callers.newUser;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** After real writes and recalls, {@code /q/metrics} carries the memory service's own meters. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class MemoryMetricsTest {

  @Test
  void writesAndRecallsShowUpAsEmbeddingAndRecallMeters() {
    double embeddingsBefore = value(scrape(), "zo_memory_embedding_seconds_count");
    double recallsBefore = value(scrape(), "zo_memory_recall_seconds_count");
    String user = newUser();
    memorize(user, "The staging database runs on port 5433");
    memorize(user, "Lunch is at noon on Fridays");
    for (int i = 0; i < 3; i++) {
      as(user)
          .body(Map.of("query", "which port does staging use? " + i, "top_k", 2))
          .post("/api/v1/memories/recall")
          .then()
          .statusCode(200);
    }

    String metrics = scrape();
    // Two writes and three distinct queries, each embedded by the model.
    assertThat(value(metrics, "zo_memory_embedding_seconds_count") - embeddingsBefore)
        .isGreaterThanOrEqualTo(5);
    assertThat(value(metrics, "zo_memory_embedding_batch_count")).isGreaterThanOrEqualTo(5);
    assertThat(value(metrics, "zo_memory_embedding_batch_sum")).isGreaterThanOrEqualTo(5);
    assertThat(value(metrics, "zo_memory_recall_seconds_count") - recallsBefore).isEqualTo(3);
    assertThat(value(metrics, "zo_memory_recall_seconds_sum")).isPositive();
    assertThat(metrics.lines())
        .anyMatch(
            line ->
                line.startsWith("http_server_requests_seconds_bucket{")
                    && line.contains("uri=\"/api/v1/memories/recall\""));
    assertThat(metrics).contains("zo_outbox_backlog").contains("jvm_memory_used_bytes");
  }

  private static String scrape() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  /** The value of the series named exactly {@code series}. */
  private static double value(String metrics, String series) {
    Matcher m =
        Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
            .matcher(metrics);
    assertThat(m.find()).as("%s in:%n%s", series, metrics).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
