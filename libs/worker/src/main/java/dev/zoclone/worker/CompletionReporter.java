package dev.zoclone.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.pool.CompletedJobs;
import dev.zoclone.contract.pool.JobCompletion;
import dev.zoclone.contract.pool.LeasedJob;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Delivers a node's successful results in batches: one thread sends whatever finished meanwhile in
 * one {@code POST /api/v1/nodes/{id}/complete}, so a busy node costs the pool one transaction per
 * batch rather than per job, and an idle one adds no delay. A batch that cannot be delivered is
 * retried, with the same lease tokens, until the pool answers; the server fences each job, so a
 * retried batch never completes a job twice.
 */
final class CompletionReporter {
  /** Largest batch; the pool accepts up to 1000. */
  static final int MAX_BATCH = 200;

  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Function<List<JobCompletion>, CompletedJobs> send;
  private final Consumer<String> log;
  private final Thread thread;

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

  /** Reports the job's success and waits until the pool recorded it (or refused it as stale). */
  boolean complete(LeasedJob job, JsonNode result) throws InterruptedException {
    Pending pending =
        new Pending(
            new JobCompletion(job.id(), job.leaseToken(), result), new CompletableFuture<>());
    queue.put(pending);
    try {
      return pending.done().get();
    } catch (java.util.concurrent.ExecutionException e) {
      return false;
    }
  }

  /** Stops the sending thread once nothing is queued. */
  void close() {
    thread.interrupt();
  }

  private void loop() {
    while (true) {
      List<Pending> batch = new ArrayList<>();
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return; // closed: every job thread already had its answer
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      CompletedJobs answer;
      try {
        answer = send.apply(batch.stream().map(Pending::completion).toList());
      } catch (RuntimeException e) {
        log.accept("completing " + batch.size() + " jobs failed: " + e.getMessage());
        answer = null;
      }
      Set<String> stale = answer == null ? Set.of() : new HashSet<>(answer.stale());
      for (Pending pending : batch) {
        String id = pending.completion().jobId();
        if (stale.contains(id)) {
          log.accept("job " + id + ": the pool no longer gives it to this node; result dropped");
        }
        pending.done().complete(answer != null && !stale.contains(id));
      }
    }
  }

  private record Pending(JobCompletion completion, CompletableFuture<Boolean> done) {}
}
