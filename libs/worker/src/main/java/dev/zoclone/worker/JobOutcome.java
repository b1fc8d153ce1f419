package dev.zoclone.worker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one attempt of a job ended on this node.
 *
 * @param succeeded whether to report a completion rather than a failure
 * @param retryable for a failure, whether another attempt may succeed
 * @param error for a failure, what went wrong
 * @param result what the job produced, reported either way
 */
public record JobOutcome(boolean succeeded, boolean retryable, String error, JsonNode result) {
  static JobOutcome success(JsonNode result) {
    return new JobOutcome(true, false, null, result);
  }

  static JobOutcome failure(String error, boolean retryable, JsonNode result) {
    return new JobOutcome(false, retryable, error, result);
  }
}
