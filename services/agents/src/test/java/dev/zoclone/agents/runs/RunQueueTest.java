package dev.zoclone.agents.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.agents.config.AgentsConfig;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The run queue's threads: a round of runs reuses the idle threads of the round before. */
class RunQueueTest {
  private static final int RUNS = 10;

  private final RunQueue queue = new RunQueue(config(64, 32));

  @AfterEach
  void stop() {
    queue.onStop(null);
  }

  @Test
  void aSecondRoundOfRunsReusesTheIdleThreadsOfTheFirst() throws Exception {
    Set<Thread> first = round();
    for (Thread thread : first) {
      // Idle: back waiting for the next run.
      awaitState(thread, Thread.State.TIMED_WAITING);
    }
    Set<Thread> second = round();
    assertThat(second).hasSize(RUNS).isEqualTo(first);
  }

  @Test
  void runsBeyondTheUsersShareWaitForASlot() throws Exception {
    RunQueue small = new RunQueue(config(8, 2));
    try {
      assertThat(small.userSlots()).isEqualTo(2);
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch started = new CountDownLatch(3);
      small.reserve("owner", 3);
      for (int i = 0; i < 3; i++) {
        small.start("owner", () -> waitFor(release, started));
      }
      // Two run, the third waits for one of them to end.
      assertThat(started.await(200, TimeUnit.MILLISECONDS)).isFalse();
      assertThat(started.getCount()).isEqualTo(1);
      release.countDown();
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      small.onStop(null);
    }
  }

  /** RUNS runs of one user at once; the threads they ran on, once all ended. */
  private Set<Thread> round() throws InterruptedException {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch allRunning = new CountDownLatch(RUNS);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch ended = new CountDownLatch(RUNS);
    queue.reserve("owner", RUNS);
    for (int i = 0; i < RUNS; i++) {
      queue.start(
          "owner",
          () -> {
            threads.add(Thread.currentThread());
            waitFor(release, allRunning);
            ended.countDown();
          });
    }
    assertThat(allRunning.await(10, TimeUnit.SECONDS)).isTrue();
    release.countDown();
    assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
    return threads;
  }

  private static void waitFor(CountDownLatch release, CountDownLatch started) {
    started.countDown();
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (thread.getState() != state && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(thread.getState()).isEqualTo(state);
  }

  /** The run settings that matter here; every other value is its default. */
  private static AgentsConfig config(int slots, int perUser) {
    Map<String, Object> runs =
        Map.of(
            "maxConcurrency",
            slots,
            "maxConcurrencyPerUser",
            perUser,
            "maxShare",
            1.0,
            "maxInFlightPerUser",
            1000,
            "queueCapacity",
            10_000);
    AgentsConfig.Runs runsConfig =
        (AgentsConfig.Runs)
            Proxy.newProxyInstance(
                AgentsConfig.Runs.class.getClassLoader(),
                new Class<?>[] {AgentsConfig.Runs.class},
                (proxy, method, args) -> runs.get(method.getName()));
    return (AgentsConfig)
        Proxy.newProxyInstance(
            AgentsConfig.class.getClassLoader(),
            new Class<?>[] {AgentsConfig.class},
            (proxy, method, args) -> method.getName().equals("runs") ? runsConfig : null);
  }
}
