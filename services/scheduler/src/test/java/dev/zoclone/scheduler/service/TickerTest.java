package dev.zoclone.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zoclone.contract.scheduler.AutomationAction;
import dev.zoclone.scheduler.Automations;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class TickerTest {
  @Inject Ticker ticker;
  @Inject Automations automations;

  @BeforeEach
  void pauseOtherTestsAutomations() {
    automations.pauseAll();
  }

  @Test
  void theRunningTickerFiresADueOccurrenceOnTimeByTheWallClock() {
    String id =
        automations.create(
            "FREQ=SECONDLY;INTERVAL=2",
            "2026-01-01T00:00",
            "skip",
            new AutomationAction("ask", "tick", null, null, null, null));
    Instant due = automations.nextRunAt(id);
    ticker.start();
    try {
      await().atMost(Duration.ofSeconds(15)).until(() -> !automations.runOccurrences(id).isEmpty());
    } finally {
      ticker.stop();
    }
    assertThat(automations.runOccurrences(id).get(0)).isEqualTo(due);
  }
}
