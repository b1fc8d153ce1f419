package dev.zoclone.cli.pool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.pool.HeartbeatResponse;
import dev.zoclone.contract.pool.LeaseResponse;
import dev.zoclone.contract.pool.RegisteredNode;
import java.util.List;
import java.util.Map;

/** The pool routes a worker calls; failures are either worth retrying or final. */
public interface PoolApi {
  RegisteredNode register(String name, Map<String, String> labels, int slots);

  HeartbeatResponse heartbeat(String nodeId, List<String> running);

  LeaseResponse lease(String nodeId, int maxJobs, long waitMs, List<String> kinds);

  void complete(String jobId, String nodeId, long leaseToken, JsonNode result);

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

    public Refused(String message) {
      super(message);
    }
  }
}
