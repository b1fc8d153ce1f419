package dev.zoclone.contract.pool;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Data of an event on {@code zo.pool.job-events}: a job entered {@code status}.
 *
 * @param attempts attempts started so far
 * @param nodeId the node concerned, if any
 * @param error why, for failures, requeues and dead jobs
 * @param idempotencyKey the key the job was submitted under, if any, so a submitter can match the
 *     job's events to its own record
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobEvent(
    String jobId,
    String owner,
    String status,
    int attempts,
    String nodeId,
    String error,
    String idempotencyKey) {
  /** Event type prefix; the type is the prefix plus the lower-case status. */
  public static final String TYPE_PREFIX = "zo.pool.job.";
}
