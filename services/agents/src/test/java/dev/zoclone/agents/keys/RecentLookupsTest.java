package dev.zoclone.agents.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Callers missing the same key at once share one load; failures and forgotten keys are not kept,
 * and a change forgets its key again when it commits.
 */
class RecentLookupsTest {
  private final ExecutorService callers = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    callers.shutdownNow();
  }

  @Test
  void callersMissingTheSameKeyTogetherShareOneLoad() throws Exception {
    RecentLookups<String, String> recent = new RecentLookups<>(Duration.ofMinutes(1), 100);
    AtomicInteger loads = new AtomicInteger();
    HeldLoad first =
        new HeldLoad(
            recent,
            () -> {
              loads.incrementAndGet();
              return Optional.of("settings of owner");
            });
    List<Future<Optional<String>>> others = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      others.add(
          callers.submit(
              () ->
                  recent.get(
                      "owner",
                      k -> {
                        loads.incrementAndGet();
                        return Optional.of("a second load");
                      })));
    }
    first.release();
    assertThat(first.result.get(10, TimeUnit.SECONDS)).contains("settings of owner");
    for (Future<Optional<String>> other : others) {
      assertThat(other.get(10, TimeUnit.SECONDS)).contains("settings of owner");
    }
    assertThat(loads).hasValue(1);
  }

  @Test
  void aFailedLoadFailsItsWaitersAndIsNotRemembered() throws Exception {
    RecentLookups<String, String> recent = new RecentLookups<>(Duration.ofMinutes(1), 100);
    HeldLoad failing =
        new HeldLoad(
            recent,
            () -> {
              throw new IllegalStateException("database down");
            });
    AtomicReference<Thread> waiter = new AtomicReference<>();
    Future<Optional<String>> waiting =
        callers.submit(
            () -> {
              waiter.set(Thread.currentThread());
              return recent.get("owner", k -> Optional.of("not this one"));
            });
    awaitWaiting(waiter);
    failing.release();
    assertThatThrownBy(() -> failing.result.get(10, TimeUnit.SECONDS))
        .hasRootCauseMessage("database down");
    assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
        .hasRootCauseMessage("database down");
    assertThat(recent.get("owner", k -> Optional.of("loaded again"))).contains("loaded again");
  }

  /**
   * A load of {@code "owner"} begun on another thread and held there, once begun, until {@link
   * #release}; it then answers (or throws) what {@code outcome} does.
   */
  private final class HeldLoad {
    private final CountDownLatch released = new CountDownLatch(1);
    final Future<Optional<String>> result;

    HeldLoad(RecentLookups<String, String> recent, Supplier<Optional<String>> outcome)
        throws InterruptedException {
      CountDownLatch begun = new CountDownLatch(1);
      result =
          callers.submit(
              () ->
                  recent.get(
                      "owner",
                      k -> {
                        begun.countDown();
                        Latches.await(released);
                        return outcome.get();
                      }));
      assertThat(begun.await(10, TimeUnit.SECONDS)).isTrue();
    }

    void release() {
      released.countDown();
    }
  }

  /** Until the thread in {@code waiter} waits (for the load under way: it does nothing else). */
  private static void awaitWaiting(AtomicReference<Thread> waiter) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while ((waiter.get() == null || waiter.get().getState() != Thread.State.WAITING)
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(waiter.get().getState()).isEqualTo(Thread.State.WAITING);
  }

  @Test
  void aKeyForgottenDuringItsLoadIsLoadedAgainByTheNextCaller() throws Exception {
    RecentLookups<String, String> recent = new RecentLookups<>(Duration.ofMinutes(1), 100);
    HeldLoad stale = new HeldLoad(recent, () -> Optional.of("before the change"));
    recent.forget("owner");
    assertThat(recent.get("owner", k -> Optional.of("after the change")))
        .contains("after the change");
    stale.release();
    assertThat(stale.result.get(10, TimeUnit.SECONDS)).contains("before the change");
    assertThat(recent.get("owner", k -> Optional.of("a third load"))).contains("after the change");
  }

  @Test
  void anEntryIsLoadedAgainOnceItExpired() {
    RecentLookups<String, String> recent = new RecentLookups<>(Duration.ZERO, 100);
    assertThat(recent.get("owner", k -> Optional.of("first"))).contains("first");
    assertThat(recent.get("owner", k -> Optional.of("second"))).contains("second");
  }

  @Test
  void aValueReadBeforeTheChangeCommittedIsForgottenAtTheCommit() {
    RecentLookups<String, String> lookups = new RecentLookups<>(Duration.ofMinutes(1), 100);
    RecordingTransaction transaction = new RecordingTransaction();
    lookups.get("ann", k -> Optional.of("old"));

    lookups.forgetAtCommit("ann", transaction);
    // Another thread reads before the change commits: it still sees the old row, and keeps it.
    assertThat(lookups.get("ann", k -> Optional.of("old"))).contains("old");
    assertThat(lookups.get("ann", k -> Optional.of("new"))).contains("old");

    transaction.commit();
    assertThat(lookups.get("ann", k -> Optional.of("new"))).contains("new");
  }

  /** The part of a JTA transaction this class uses: its synchronizations, run at the commit. */
  private static final class RecordingTransaction implements TransactionSynchronizationRegistry {
    private final List<Synchronization> synchronizations = new ArrayList<>();

    void commit() {
      synchronizations.forEach(Synchronization::beforeCompletion);
      synchronizations.forEach(s -> s.afterCompletion(Status.STATUS_COMMITTED));
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
      synchronizations.add(sync);
    }

    @Override
    public Object getTransactionKey() {
      return this;
    }

    @Override
    public void putResource(Object key, Object value) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object getResource(Object key) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int getTransactionStatus() {
      return Status.STATUS_ACTIVE;
    }

    @Override
    public void setRollbackOnly() {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean getRollbackOnly() {
      return false;
    }
  }
}
