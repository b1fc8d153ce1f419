package dev.zoclone.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.pool.CompletedJobs;
import dev.zoclone.contract.pool.JobCompletion;
import dev.zoclone.contract.pool.LeasedJob;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A node's successful results on their way to the pool. The lease loop takes whatever finished
 * since its last lease and reports it inside its next lease ({@link #forLease}): one call and one
 * transaction for both. A result the lease loop has not taken within {@link #FOLD_WINDOW} (the loop
 * is long-polling, backing off or stopped) goes in a batched {@code POST
 * /api/v1/nodes/{id}/complete} from this reporter's own thread, so it never waits behind a long
 * poll. Results that could not be delivered are reported again with the same lease tokens; the
 * server fences each job, so none completes twice.
 */
final class CompletionReporter {
  /** Largest batch; the pool accepts up to 1000. */
  static final int MAX_BATCH = 200;

  /** How long a result waits for the lease loop before the reporter sends it on its own. */
  static final Duration FOLD_WINDOW = Duration.ofMillis(20);

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Queued> queue = new ArrayDeque<>();
  private final Function<List<JobCompletion>, CompletedJobs> send;
  private final Consumer<String> log;
  private final Thread thread;
  private boolean leasing = true;
  private int unanswered;

  /**
   * @param send delivers one batch, retrying outages itself; null when it gave up (refused, or the
   *     worker is stopping for good)
   */
  CompletionReporter(Function<List<JobCompletion>, CompletedJobs> send, Consumer<String> log) {
    this.send = send;
    this.log = log;
    this.thread = new Thread(this::loop, "zo-node-complete");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Queues the job's success; the next lease or the reporter's own batch delivers it. */
  void add(LeasedJob job, JsonNode result) {
    lock.lock();
    try {
      queue.addLast(
          new Queued(
              new JobCompletion(job.id(), job.leaseToken(), result),
              System.nanoTime() + FOLD_WINDOW.toNanos()));
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The results to report in the lease about to be sent, oldest first (possibly none); the caller
   * hands them back through {@link #leaseAnswered} or {@link #leaseFailed}.
   */
  List<JobCompletion> forLease() {
    lock.lock();
    try {
      List<JobCompletion> taken = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
      while (!queue.isEmpty() && taken.size() < MAX_BATCH) {
        taken.add(queue.pollFirst().completion());
      }
      unanswered += taken.size();
      return taken;
    } finally {
      lock.unlock();
    }
  }

  /** The lease that reported {@code reported} was answered with which completed and which not. */
  void leaseAnswered(List<JobCompletion> reported, List<String> stale) {
    answered(reported, stale == null ? Set.of() : new HashSet<>(stale), true);
  }

  /**
   * The lease that reported {@code reported} failed: its results may or may not be recorded, so
   * they are reported again at once, ahead of the others, under the same lease tokens.
   */
  void leaseFailed(List<JobCompletion> reported) {
    lock.lock();
    try {
      for (int i = reported.size() - 1; i >= 0; i--) {
        queue.addFirst(new Queued(reported.get(i), System.nanoTime()));
      }
      unanswered -= reported.size();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The lease loop ended: the reporter sends every result itself from now on. */
  void stopLeasing() {
    lock.lock();
    try {
      leasing = false;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits up to {@code wait} for every queued result to be answered, then stops the sending thread;
   * results still undelivered then are dropped (their leases expire and the jobs run again
   * elsewhere).
   */
  void close(Duration wait) throws InterruptedException {
    stopLeasing();
    long deadline = System.nanoTime() + wait.toNanos();
    lock.lock();
    try {
      long left = deadline - System.nanoTime();
      while ((!queue.isEmpty() || unanswered > 0) && left > 0) {
        left = changed.awaitNanos(left);
      }
    } finally {
      lock.unlock();
      thread.interrupt();
    }
  }

  private void loop() {
    while (true) {
      List<JobCompletion> batch;
      try {
        batch = nextDue();
      } catch (InterruptedException e) {
        return; // closed
      }
      CompletedJobs answer;
      try {
        answer = send.apply(batch);
      } catch (RuntimeException e) {
        log.accept("completing " + batch.size() + " jobs failed: " + e.getMessage());
        answer = null;
      }
      if (answer == null) {
        answered(batch, Set.of(), false);
      } else {
        answered(batch, new HashSet<>(answer.stale()), true);
      }
    }
  }

  /** Waits until the oldest result is due for a batch of its own, then takes a batch. */
  private List<JobCompletion> nextDue() throws InterruptedException {
    lock.lock();
    try {
      while (true) {
        if (!queue.isEmpty()) {
          long dueIn = leasing ? queue.peekFirst().dueAt() - System.nanoTime() : 0;
          if (dueIn <= 0) {
            break;
          }
          changed.awaitNanos(dueIn);
        } else {
          changed.await();
        }
      }
      List<JobCompletion> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
      while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
        batch.add(queue.pollFirst().completion());
      }
      unanswered += batch.size();
      return batch;
    } finally {
      lock.unlock();
    }
  }

  private void answered(List<JobCompletion> batch, Set<String> stale, boolean delivered) {
    for (JobCompletion completion : batch) {
      String id = completion.jobId();
      if (stale.contains(id)) {
        log.accept("job " + id + ": the pool no longer gives it to this node; result dropped");
      } else if (delivered) {
        log.accept("job " + id + " succeeded");
      }
    }
    lock.lock();
    try {
      unanswered -= batch.size();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** A result and when the reporter sends it unless a lease took it ({@link System#nanoTime}). */
  private record Queued(JobCompletion completion, long dueAt) {}
}
