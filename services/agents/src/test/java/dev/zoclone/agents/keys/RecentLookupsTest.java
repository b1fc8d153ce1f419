package dev.zoclone.agents.keys;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentLookupsTest {
  private final RecentLookups<String, String> recent =
      new RecentLookups<>(Duration.ofMinutes(1), 100);

  @Test
  void aValueIsReadOnceWhileItIsRemembered() {
    AtomicInteger loads = new AtomicInteger();
    recent.get("ann", k -> Optional.of("v" + loads.incrementAndGet()));
    assertThat(recent.get("ann", k -> Optional.of("v" + loads.incrementAndGet()))).contains("v1");
    assertThat(loads).hasValue(1);
  }

  @Test
  void aLookupDuringWhichTheKeyWasForgottenIsNotKept() {
    AtomicInteger loads = new AtomicInteger();
    recent.get(
        "ann",
        k -> {
          loads.incrementAndGet();
          recent.forget("ann"); // a change committed while this lookup read the old row
          return Optional.of("old");
        });
    assertThat(recent.get("ann", k -> Optional.of("new" + loads.incrementAndGet())))
        .contains("new2");
  }

  @Test
  void aValueReadBeforeTheChangeCommittedIsForgottenAtTheCommit() {
    RecordingTransaction transaction = new RecordingTransaction();
    recent.get("ann", k -> Optional.of("old"));

    recent.forgetAtCommit("ann", transaction);
    // Another thread reads before the change commits: it still sees the old row, and keeps it.
    assertThat(recent.get("ann", k -> Optional.of("old"))).contains("old");
    assertThat(recent.get("ann", k -> Optional.of("new"))).contains("old");

    transaction.commit();
    assertThat(recent.get("ann", k -> Optional.of("new"))).contains("new");
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
