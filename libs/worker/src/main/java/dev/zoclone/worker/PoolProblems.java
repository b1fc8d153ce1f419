package dev.zoclone.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Classifies the pool's error responses by status and problem {@code type} (never by title, which
 * is for people): what the worker retries, what it gives up on, and what stops it.
 */
final class PoolProblems {
  /** Prefix of every problem type the platform answers with. */
  static final String TYPE_PREFIX = "https://zoclone.dev/problems/";

  /** The type of a 404: the node (or job) is not the caller's, or no longer exists. */
  static final String NOT_FOUND = TYPE_PREFIX + "not-found";

  private static final ObjectMapper JSON = new ObjectMapper();

  private PoolProblems() {}

  /**
   * The exception to throw for an error response with {@code status} and {@code body}: 401 and 403
   * stop the worker; a 4xx that carries one of the platform's problem types (stale-lease,
   * not-found, validation, ...) is final; 408, 429, 5xx and a 4xx without a problem of ours (a
   * proxy, a gateway still starting) are retried.
   */
  static RuntimeException classify(int status, String body) {
    JsonNode problem = parse(body);
    String type = problem.path("type").asText("");
    String detail = problem.path("detail").asText("");
    String message =
        "HTTP "
            + status
            + (type.isEmpty() ? "" : " " + type)
            + (detail.isEmpty() ? "" : ": " + detail);
    if (status == 401 || status == 403) {
      return new PoolApi.Unauthorized(message);
    }
    boolean clientError = status >= 400 && status < 500 && status != 408 && status != 429;
    if (clientError && type.startsWith(TYPE_PREFIX)) {
      return new PoolApi.Refused(type, message);
    }
    return new PoolApi.Unavailable(message, null);
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
      return node == null || !node.isObject() ? JSON.createObjectNode() : node;
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }
}
