package dev.zoclone.supervisor.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zoclone.supervisor.SupervisorCaller;
import dev.zoclone.testing.infra.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Supervised processes are counted by status in {@code zo.supervisor.processes}. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ProcessMetersTest {
  private static final String RUNNING = "zo_supervisor_processes{status=\"RUNNING\"}";

  private final SupervisorCaller cleo = SupervisorCaller.fresh();

  @AfterEach
  void cleanUp() {
    cleo.deleteAll();
  }

  @Test
  void aRunningProcessIsCountedAndLeavesTheCountWhenDeleted() {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(value(RUNNING)).isZero());
    cleo.created(SupervisorCaller.bash("metered", "sleep 600", "start_seconds", 0));
    cleo.awaitStatus("metered", "RUNNING");

    // Counted from the database every second in tests.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(value(RUNNING)).isEqualTo(1.0));
    cleo.deleteAll();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(value(RUNNING)).isZero());
  }

  private static double value(String series) {
    return given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .extract()
        .asString()
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series " + series));
  }
}
