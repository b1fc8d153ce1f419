package dev.zoclone.agents.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A listing is loaded once for callers that miss it together, served stale while one refresh runs,
 * and replaced by what the refresh loaded; the clock and the refreshes are the test's own.
 */
class RefreshingLookupsTest {
  private static final Duration FRESH = Duration.ofSeconds(1);
  private static final Duration MAX_AGE = Duration.ofMinutes(10);

  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final Refreshes refreshes = new Refreshes();
  private final AtomicInteger loads = new AtomicInteger();
  private final AtomicReference<Optional<String>> service =
      new AtomicReference<>(Optional.of("skills v1"));

  @AfterEach
  void stop() {
    callers.shutdownNow();
  }

  private RefreshingLookups<String, String> lookups() {
    return new RefreshingLookups<>(
        owner -> {
          loads.incrementAndGet();
          return service.get();
        },
        refreshes,
        now::get,
        FRESH,
        MAX_AGE,
        100);
  }

  @Test
  void aHundredCallersMissingTheSameOwnerTogetherCauseOneLoad() throws Exception {
    CountDownLatch released = new CountDownLatch(1);
    CountDownLatch begun = new CountDownLatch(1);
    RefreshingLookups<String, String> lookups =
        new RefreshingLookups<>(
            owner -> {
              loads.incrementAndGet();
              begun.countDown();
              Latches.await(released);
              return Optional.of("skills of " + owner);
            },
            refreshes,
            now::get,
            FRESH,
            MAX_AGE,
            100);
    List<Future<Optional<String>>> results = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      results.add(callers.submit(() -> lookups.get("owner")));
    }
    assertThat(begun.await(10, TimeUnit.SECONDS)).isTrue();
    released.countDown();
    for (Future<Optional<String>> result : results) {
      assertThat(result.get(10, TimeUnit.SECONDS)).contains("skills of owner");
    }
    assertThat(loads).hasValue(1);
    assertThat(refreshes.queued()).isZero();
  }

  @Test
  void aStaleListingIsServedWhileOneRefreshRuns() {
    RefreshingLookups<String, String> lookups = lookups();
    assertThat(lookups.get("owner")).contains("skills v1");
    service.set(Optional.of("skills v2"));
    now.addAndGet(FRESH.toNanos());

    for (int i = 0; i < 100; i++) {
      assertThat(lookups.get("owner")).contains("skills v1");
    }
    assertThat(loads).hasValue(1);
    assertThat(refreshes.queued()).isEqualTo(1);
  }

  @Test
  void aSkillChangeIsSeenAfterTheRefresh() {
    RefreshingLookups<String, String> lookups = lookups();
    lookups.get("owner");
    service.set(Optional.of("skills v2"));
    now.addAndGet(FRESH.toNanos());
    assertThat(lookups.get("owner")).contains("skills v1");

    refreshes.runAll();
    assertThat(lookups.get("owner")).contains("skills v2");
    assertThat(loads).hasValue(2);
    // Fresh again: no further refresh until it ages.
    assertThat(refreshes.queued()).isZero();
  }

  @Test
  void aRefreshThatGetsNoAnswerKeepsTheListingAndIsTriedAgain() {
    RefreshingLookups<String, String> lookups = lookups();
    lookups.get("owner");
    service.set(Optional.empty());
    now.addAndGet(FRESH.toNanos());
    lookups.get("owner");
    refreshes.runAll();

    assertThat(lookups.get("owner")).contains("skills v1");
    assertThat(refreshes.queued()).isEqualTo(1);
    service.set(Optional.of("skills v2"));
    refreshes.runAll();
    assertThat(lookups.get("owner")).contains("skills v2");
  }

  @Test
  void aListingPastItsMaximumAgeIsLoadedBeforeItIsServed() {
    RefreshingLookups<String, String> lookups = lookups();
    lookups.get("owner");
    service.set(Optional.of("skills v2"));
    now.addAndGet(MAX_AGE.toNanos());

    assertThat(lookups.get("owner")).contains("skills v2");
    assertThat(refreshes.queued()).isZero();
  }

  @Test
  void ownersAreListedApart() {
    RefreshingLookups<String, String> lookups =
        new RefreshingLookups<>(
            owner -> Optional.of("skills of " + owner), refreshes, now::get, FRESH, MAX_AGE, 100);
    assertThat(lookups.get("ann")).contains("skills of ann");
    assertThat(lookups.get("bob")).contains("skills of bob");
  }

  /** Refreshes queued until the test runs them. */
  private static final class Refreshes implements Executor {
    private final ArrayDeque<Runnable> queued = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable refresh) {
      queued.add(refresh);
    }

    synchronized int queued() {
      return queued.size();
    }

    void runAll() {
      Runnable next;
      while ((next = poll()) != null) {
        next.run();
      }
    }

    private synchronized Runnable poll() {
      return queued.poll();
    }
  }
}
