package dev.zoclone.pool.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.pool.CompletedJobs;
import dev.zoclone.contract.pool.HeartbeatResponse;
import dev.zoclone.contract.pool.JobCompletion;
import dev.zoclone.contract.pool.LeaseResponse;
import dev.zoclone.contract.pool.RegisteredNode;
import dev.zoclone.worker.PoolApi;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker's real pool client, counting how its results travel: inside leases or on their own.
 */
final class CountingPoolApi implements PoolApi {
  private final PoolApi pool;
  private final AtomicInteger reportedInLeases = new AtomicInteger();
  private final AtomicInteger reportedAlone = new AtomicInteger();

  CountingPoolApi(PoolApi pool) {
    this.pool = pool;
  }

  /** Results the worker sent inside its lease calls. */
  int reportedInLeases() {
    return reportedInLeases.get();
  }

  /** Results the worker sent in calls of their own. */
  int reportedAlone() {
    return reportedAlone.get();
  }

  @Override
  public RegisteredNode register(
      String name, Map<String, String> labels, int slots, List<String> kinds) {
    return pool.register(name, labels, slots, kinds);
  }

  @Override
  public HeartbeatResponse heartbeat(String nodeId, List<String> running) {
    return pool.heartbeat(nodeId, running);
  }

  @Override
  public LeaseResponse lease(
      String nodeId, int maxJobs, long waitMs, List<String> kinds, List<JobCompletion> complete) {
    reportedInLeases.addAndGet(complete.size());
    return pool.lease(nodeId, maxJobs, waitMs, kinds, complete);
  }

  @Override
  public void complete(String jobId, String nodeId, long leaseToken, JsonNode result) {
    reportedAlone.incrementAndGet();
    pool.complete(jobId, nodeId, leaseToken, result);
  }

  @Override
  public CompletedJobs completeAll(String nodeId, List<JobCompletion> jobs) {
    reportedAlone.addAndGet(jobs.size());
    return pool.completeAll(nodeId, jobs);
  }

  @Override
  public void fail(
      String jobId,
      String nodeId,
      long leaseToken,
      String error,
      boolean retryable,
      JsonNode result) {
    pool.fail(jobId, nodeId, leaseToken, error, retryable, result);
  }
}
