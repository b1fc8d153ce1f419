package dev.zoclone.pool.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zoclone.pool.PoolCaller;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Submitted jobs show up in {@code /q/metrics} as the queue's depth per status, and leases as their
 * latency.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class PoolMetricsTest {

  @Test
  void pendingJobsAreCountedInTheQueueDepth() {
    double before = pending();
    PoolCaller ada = PoolCaller.fresh();
    for (int i = 0; i < 3; i++) {
      ada.submit(Map.of("kind", "agent", "payload", Map.of("prompt", "count me " + i)));
    }
    // Nothing leases them here: the gauge, read every second in tests, rises by at least three.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(pending()).isGreaterThanOrEqualTo(before + 3));
    String metrics = scrape();
    assertThat(metrics).contains("zo_pool_jobs{status=\"LEASED\"}");
    assertThat(metrics).contains("zo_pool_jobs{status=\"RUNNING\"}");
    assertThat(metrics.lines())
        .anyMatch(
            line ->
                line.startsWith("http_server_requests_seconds_bucket{")
                    && line.contains("uri=\"/api/v1/jobs\"")
                    && line.contains("method=\"POST\""));
  }

  @Test
  void eachLeaseTransactionIsTimedByWhetherItLeasedJobs() {
    PoolCaller grace = PoolCaller.fresh();
    String node = grace.node("metered-node", Map.of(), 2);
    double leasedBefore = value("zo_pool_lease_latency_seconds_count{outcome=\"leased\"}");
    double emptyBefore = value("zo_pool_lease_latency_seconds_count{outcome=\"empty\"}");

    grace.submit(PoolCaller.shellJob("echo metered", 0));
    assertThat(grace.lease(node, 1)).hasSize(1);
    assertThat(grace.lease(node, 1)).isEmpty();

    // Other tests lease too: these two leases are counted at least.
    assertThat(value("zo_pool_lease_latency_seconds_count{outcome=\"leased\"}"))
        .isGreaterThanOrEqualTo(leasedBefore + 1);
    assertThat(value("zo_pool_lease_latency_seconds_count{outcome=\"empty\"}"))
        .isGreaterThanOrEqualTo(emptyBefore + 1);
    assertThat(scrape()).contains("zo_pool_lease_latency_seconds_bucket{outcome=\"leased\"");
  }

  private static double value(String series) {
    return scrape()
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series " + series));
  }

  private static double pending() {
    Matcher m =
        Pattern.compile("^zo_pool_jobs\\{status=\"PENDING\"} (\\S+)$", Pattern.MULTILINE)
            .matcher(scrape());
    assertThat(m.find()).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static String scrape() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }
}
