package dev.zoclone.contract.pool;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Body of {@code POST /api/v1/nodes/{id}/lease}.
 *
 * @param maxJobs most jobs wanted; capped by the node's free slots
 * @param waitMs how long to wait for a job when none is ready (long poll, at most 30000)
 * @param kinds only jobs of these kinds (shell, http, agent, skill); any kind when null
 * @param complete finished jobs to record first, in the same transaction, each fenced by its lease
 *     token as in {@code POST /api/v1/nodes/{id}/complete}; their slots are free for this lease
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LeaseRequest(
    Integer maxJobs, Long waitMs, List<String> kinds, List<JobCompletion> complete) {

  /** A lease that reports no finished jobs. */
  public LeaseRequest(Integer maxJobs, Long waitMs, List<String> kinds) {
    this(maxJobs, waitMs, kinds, null);
  }
}
