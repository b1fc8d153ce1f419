package dev.zoclone.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.pool.CompletedJobs;
import dev.zoclone.contract.pool.HeartbeatResponse;
import dev.zoclone.contract.pool.JobCompletion;
import dev.zoclone.contract.pool.LeaseResponse;
import dev.zoclone.contract.pool.RegisteredNode;
import java.util.List;
import java.util.Map;

/**
 * The pool routes a worker calls. Failures come in three kinds: worth retrying ({@link
 * Unavailable}), final for this call ({@link Refused}), and final for the worker ({@link
 * Unauthorized}).
 */
public interface PoolApi {
  /** Registers a node that runs jobs of {@code kinds}. */
  RegisteredNode register(String name, Map<String, String> labels, int slots, List<String> kinds);

  HeartbeatResponse heartbeat(String nodeId, List<String> running);

  /**
   * Leases up to {@code maxJobs} jobs, after recording the finished jobs in {@code complete} (each
   * fenced by its lease token) in the same call; the answer says which of those were stale.
   */
  LeaseResponse lease(
      String nodeId, int maxJobs, long waitMs, List<String> kinds, List<JobCompletion> complete);

  void complete(String jobId, String nodeId, long leaseToken, JsonNode result);

  /** Reports many finished jobs in one call; each is fenced by its own lease token. */
  CompletedJobs completeAll(String nodeId, List<JobCompletion> jobs);

  void fail(
      String jobId,
      String nodeId,
      long leaseToken,
      String error,
      boolean retryable,
      JsonNode result);

  /** The pool or the network is down for now: try again later. */
  final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The pool refused the call (stale lease, unknown node, bad request): retrying will not help. */
  final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String problemType;

    public Refused(String problemType, String message) {
      super(message);
      this.problemType = problemType;
    }

    /** The problem's type URI, such as {@code https://zoclone.dev/problems/stale-lease}. */
    public String problemType() {
      return problemType;
    }
  }

  /** The token is missing, invalid or revoked: no call will succeed until the user fixes it. */
  final class Unauthorized extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unauthorized(String message) {
      super(message);
    }
  }
}
