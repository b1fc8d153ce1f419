package dev.zoclone.pool.repository;

import dev.zoclone.pool.JobStatus;

/**
 * A job's row locked for a state change.
 *
 * @param leaseLive whether the lease has not expired yet
 * @param timedOut whether the attempt ran past its server-side deadline
 */
public record JobState(
    String id,
    String owner,
    JobStatus status,
    int attempts,
    int maxAttempts,
    String nodeId,
    Long leaseToken,
    boolean leaseLive,
    boolean timedOut,
    Integer timeoutS) {

  /** Whether {@code node} holds the job under the live lease {@code token}. */
  public boolean heldBy(String node, long token) {
    return status.held()
        && leaseLive
        && node.equals(nodeId)
        && leaseToken != null
        && leaseToken == token;
  }
}
