package dev.zoclone.scheduler.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.contract.scheduler.AutomationAction;
import dev.zoclone.scheduler.Automations;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fired occurrence records how late it fired in {@code zo.scheduler.fire.lag}. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class FireLagMetricsTest {
  private static final String COUNT = "zo_scheduler_fire_lag_seconds_count";
  private static final String SUM = "zo_scheduler_fire_lag_seconds_sum";

  @Inject FiringService firing;
  @Inject Automations automations;

  @BeforeEach
  void pauseOtherTestsAutomations() {
    automations.pauseAll();
  }

  @Test
  void anOccurrenceFiredSevenSecondsLateRecordsSevenSecondsOfLag() {
    String automation =
        automations.create(
            "FREQ=DAILY",
            "2026-01-01T06:00",
            "skip",
            new AutomationAction("ask", "how late?", null, null, null, null));
    Instant due = automations.nextRunAt(automation);
    double countBefore = value(COUNT);
    double sumBefore = value(SUM);

    assertThat(firing.fireDue(due.plusSeconds(7))).isEqualTo(1);

    assertThat(value(COUNT) - countBefore).isEqualTo(1.0);
    assertThat(value(SUM) - sumBefore).isCloseTo(7.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(scrape()).contains("zo_scheduler_fire_lag_seconds_bucket{le=");
  }

  private static double value(String series) {
    return scrape()
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series " + series));
  }

  private static String scrape() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }
}
