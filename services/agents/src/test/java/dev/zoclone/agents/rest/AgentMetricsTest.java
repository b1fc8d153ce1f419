package dev.zoclone.agents.rest;

import static dev.zoclone.agents.support.Api.as;
import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * After real asks, {@code /q/metrics} carries the agents service's own meters with their values.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class AgentMetricsTest {
  static final FakeOpenAiServer MODEL = new FakeOpenAiServer();

  @AfterAll
  static void stop() {
    MODEL.close();
  }

  @Test
  void asksShowUpAsModelCallsTokensAndRouteLatency() {
    String user = newUser();
    openAiKey(user, "metered", MODEL.baseUrl() + "/v1", "sk-metered-0123456789", "metered-model");
    MODEL.enqueue(Reply.text("one").usage(30, 5), Reply.text("two").usage(20, 7));
    for (String input : new String[] {"first", "second"}) {
      as(user)
          .body("{\"input\":\"" + input + "\",\"model_name\":\"metered:metered-model\"}")
          .post("/api/v1/ask")
          .then()
          .statusCode(200);
    }

    String metrics = scrape();
    assertThat(
            value(metrics, "zo_agents_tokens_total{direction=\"input\",model=\"metered-model\"}"))
        .isEqualTo(50.0);
    assertThat(
            value(metrics, "zo_agents_tokens_total{direction=\"output\",model=\"metered-model\"}"))
        .isEqualTo(12.0);
    assertThat(
            value(
                metrics,
                "zo_agents_model_calls_seconds_count{outcome=\"success\",provider=\"openai\"}"))
        .isGreaterThanOrEqualTo(2.0);
    assertThat(metrics.lines())
        .anyMatch(
            line ->
                line.startsWith("http_server_requests_seconds_bucket{")
                    && line.contains("uri=\"/api/v1/ask\"")
                    && line.contains("status=\"200\""));
    assertThat(metrics).contains("jvm_memory_used_bytes").contains("agroal_active_count");
    // The heartbeat counts this replica; the outbox gauge is read from the database.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(value(scrape(), "zo_agents_replicas_live")).isGreaterThanOrEqualTo(1));
    assertThat(metrics).contains("zo_outbox_backlog").contains("zo_outbox_oldest_age_seconds");
  }

  private static String scrape() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  /** The value of the series named exactly {@code series} (name and labels). */
  private static double value(String metrics, String series) {
    Matcher m =
        Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
            .matcher(metrics);
    assertThat(m.find()).as("%s in:%n%s", series, metrics).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
