package dev.zoclone.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.contract.pool.CompletedJobs;
import dev.zoclone.contract.pool.JobCompletion;
import dev.zoclone.contract.pool.LeasedJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a node's results travel: inside its next lease, or on their own when none takes them. */
class CompletionReporterTest {
  private final LinkedBlockingQueue<List<JobCompletion>> sent = new LinkedBlockingQueue<>();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final CompletionReporter reporter =
      new CompletionReporter(
          batch -> {
            sent.add(batch);
            return new CompletedJobs(batch.stream().map(JobCompletion::jobId).toList(), List.of());
          },
          log::add);

  @AfterEach
  void close() throws InterruptedException {
    reporter.close(Duration.ZERO);
  }

  @Test
  void aResultTheNextLeaseTakesIsNotSentOnItsOwn() throws InterruptedException {
    reporter.add(job("a", 7), null);

    List<JobCompletion> carried = reporter.forLease();
    reporter.leaseAnswered(carried, List.of());

    assertThat(carried).extracting(JobCompletion::jobId).containsExactly("a");
    assertThat(sent.poll(3 * CompletionReporter.FOLD_WINDOW.toMillis(), TimeUnit.MILLISECONDS))
        .isNull();
    assertThat(log).containsExactly("job a succeeded");
  }

  @Test
  void aResultNoLeaseTakesIsSentOnItsOwnOnceTheWindowPassed() throws InterruptedException {
    long before = System.nanoTime();
    reporter.add(job("a", 7), null);

    List<JobCompletion> batch = sent.poll(5, TimeUnit.SECONDS);

    assertThat(batch).extracting(JobCompletion::jobId).containsExactly("a");
    assertThat(System.nanoTime() - before)
        .isGreaterThanOrEqualTo(CompletionReporter.FOLD_WINDOW.toNanos());
    assertThat(reporter.forLease()).isEmpty();
  }

  @Test
  void theResultsOfAFailedLeaseAreSentAgainAtOnceUnderTheirTokens() throws InterruptedException {
    reporter.add(job("a", 7), null);
    reporter.add(job("b", 8), null);
    List<JobCompletion> carried = reporter.forLease();

    reporter.leaseFailed(carried);
    List<JobCompletion> batch = sent.poll(5, TimeUnit.SECONDS);

    assertThat(batch).isEqualTo(carried);
    assertThat(batch).extracting(JobCompletion::leaseToken).containsExactly(7L, 8L);
  }

  @Test
  void closingDeliversWhatIsQueuedAndLogsStaleResults() throws InterruptedException {
    CompletionReporter stale =
        new CompletionReporter(
            batch ->
                new CompletedJobs(List.of(), batch.stream().map(JobCompletion::jobId).toList()),
            log::add);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add("j" + i);
      stale.add(job("j" + i, i), null);
    }

    stale.close(Duration.ofSeconds(5));

    assertThat(log)
        .containsExactlyElementsOf(
            ids.stream()
                .map(
                    id ->
                        "job " + id + ": the pool no longer gives it to this node; result dropped")
                .toList());
    assertThat(stale.forLease()).isEmpty();
  }

  private static LeasedJob job(String id, long token) {
    return new LeasedJob(id, "shell", null, 0, 1, token, null);
  }
}
