package dev.zoclone.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.contract.scheduler.AutomationAction;
import dev.zoclone.contract.scheduler.NewAutomation;
import dev.zoclone.scheduler.Automations;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class FiringServiceTest {
  private static final AutomationAction ASK =
      new AutomationAction("ask", "summarise my inbox", null, null, null, null);

  @Inject FiringService firing;
  @Inject AutomationService service;
  @Inject Automations automations;

  @BeforeEach
  void pauseOtherTestsAutomations() {
    automations.pauseAll();
  }

  /**
   * An hourly automation whose next run is stored, then a pass three hours and ten minutes late.
   */
  private List<Instant> firedAfterDowntime(String catchUp) {
    String id = automations.create("FREQ=HOURLY", "2026-01-01T00:00", catchUp, ASK);
    Instant next = automations.nextRunAt(id);
    firing.fireDue(next.plus(Duration.ofMinutes(190)));
    List<Instant> fired = automations.runOccurrences(id);
    assertThat(automations.nextRunAt(id)).isEqualTo(next.plus(Duration.ofHours(4)));
    return fired.stream()
        .map(i -> Instant.ofEpochSecond(i.getEpochSecond() - next.getEpochSecond()))
        .toList();
  }

  @Test
  void aCountRuleStoresTheIndexOfItsNextRunAndFiringMovesItOn() {
    String id = automations.create("FREQ=MINUTELY;COUNT=1000000", "2026-01-01T00:00", "skip", ASK);
    Instant next = automations.nextRunAt(id);
    long index = Duration.between(Instant.parse("2026-01-01T00:00:00Z"), next).toMinutes() + 1;
    assertThat(automations.countIndex(id)).isEqualTo(index);

    firing.fireDue(next.plusSeconds(1));
    assertThat(automations.runOccurrences(id)).containsExactly(next);
    assertThat(automations.nextRunAt(id)).isEqualTo(next.plus(Duration.ofMinutes(1)));
    assertThat(automations.countIndex(id)).isEqualTo(index + 1);
    assertThat(automations.countIndex(automations.create("FREQ=MINUTELY", null, "skip", ASK)))
        .isNull();
  }

  @Test
  void catchUpSkipFiresNoneOfTheMissedOccurrences() {
    assertThat(firedAfterDowntime("skip")).isEmpty();
  }

  @Test
  void catchUpOnceFiresOneRunForTheLatestMissedOccurrence() {
    assertThat(firedAfterDowntime("once")).containsExactly(Instant.ofEpochSecond(3 * 3600));
  }

  @Test
  void catchUpAllFiresEveryMissedOccurrence() {
    assertThat(firedAfterDowntime("all"))
        .containsExactly(
            Instant.ofEpochSecond(0),
            Instant.ofEpochSecond(3600),
            Instant.ofEpochSecond(7200),
            Instant.ofEpochSecond(3 * 3600));
  }

  @Test
  void anOnTimeOccurrenceFiresOnceHoweverOftenTheTickerRuns() {
    String id = automations.create("FREQ=MINUTELY;INTERVAL=5", "2026-01-01T00:00", "skip", ASK);
    Instant due = automations.nextRunAt(id);
    firing.fireDue(due.minusSeconds(1));
    assertThat(automations.runOccurrences(id)).isEmpty();
    firing.fireDue(due.plusMillis(300));
    firing.fireDue(due.plusMillis(900));
    assertThat(automations.runOccurrences(id)).containsExactly(due);
    assertThat(automations.nextRunAt(id)).isEqualTo(due.plus(Duration.ofMinutes(5)));
  }

  @Test
  void pausedAutomationFiresNothingAndResumingSkipsWhatWasMissed() {
    String owner = "pauser";
    String id =
        service
            .create(
                owner,
                new NewAutomation(
                    "p", "FREQ=MINUTELY", "2026-01-01T00:00", "UTC", null, ASK, true, "all"))
            .id();
    Instant due = automations.nextRunAt(id);
    service.update(owner, id, new NewAutomation(null, null, null, null, null, null, false, null));
    firing.fireDue(due.plus(Duration.ofMinutes(30)));
    assertThat(automations.runOccurrences(id)).isEmpty();

    service.update(owner, id, new NewAutomation(null, null, null, null, null, null, true, null));
    Instant resumedNext = automations.nextRunAt(id);
    assertThat(resumedNext).isAfterOrEqualTo(due);
    firing.fireDue(resumedNext);
    assertThat(automations.runOccurrences(id)).containsExactly(resumedNext);
  }

  @Test
  void concurrentClaimersOnSeparateConnectionsFireEachOccurrenceExactlyOnce() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(automations.create("FREQ=MINUTELY", "2026-01-01T00:00", "all", ASK));
    }
    Instant start = automations.nextRunAt(ids.get(0)).plus(Duration.ofHours(1));
    ids.forEach(id -> automations.setNextRunAt(id, start));
    Instant now = start.plus(Duration.ofMinutes(9));

    int claimers = 4;
    CyclicBarrier together = new CyclicBarrier(claimers);
    ExecutorService pool = Executors.newFixedThreadPool(claimers);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (int i = 0; i < claimers; i++) {
        Callable<Integer> claimer =
            () -> {
              together.await();
              return firing.fireDue(now);
            };
        results.add(pool.submit(claimer));
      }
      for (Future<Integer> result : results) {
        result.get();
      }
    } finally {
      pool.shutdownNow();
    }

    for (String id : ids) {
      List<Instant> fired = automations.runOccurrences(id);
      assertThat(fired).hasSize(10).doesNotHaveDuplicates();
      assertThat(new HashSet<>(fired)).contains(start, now);
    }
  }
}
