package dev.zoclone.contract.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.Problem.FieldError;
import dev.zoclone.contract.pool.SubmitJobRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a job submission must keep — its kind, the payload fields that kind needs, the bounds
 * of its numbers — shared by the pool, which runs jobs, and the scheduler, which submits them.
 */
public final class JobRules {
  /** Methods an {@code http} job may use. */
  public static final Set<String> HTTP_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  /** Longest idempotency key. */
  public static final int MAX_IDEMPOTENCY_KEY = 200;

  private JobRules() {}

  /**
   * Every offending field of {@code request}, named as in the submission's JSON ({@code kind},
   * {@code payload.command}, {@code timeout_s}...); empty when the submission keeps the rules.
   */
  public static List<FieldError> check(SubmitJobRequest request, JobLimits limits) {
    List<FieldError> errors = new ArrayList<>();
    if (request == null) {
      errors.add(new FieldError("body", "a job is required"));
      return errors;
    }
    JobKind kind = JobKind.parse(request.kind()).orElse(null);
    if (kind == null) {
      errors.add(new FieldError("kind", "must be one of " + String.join(", ", JobKind.ALL)));
    }
    JsonNode payload = request.payload();
    if (payload == null || !payload.isObject()) {
      errors.add(new FieldError("payload", "must be an object"));
    } else if (kind != null) {
      checkPayload(kind, payload, errors);
    }
    if (request.priority() != null && Math.abs((long) request.priority()) > limits.maxPriority()) {
      errors.add(
          new FieldError(
              "priority",
              "must be between " + -limits.maxPriority() + " and " + limits.maxPriority()));
    }
    if (request.maxAttempts() != null
        && (request.maxAttempts() < 1 || request.maxAttempts() > limits.maxAttempts())) {
      errors.add(new FieldError("max_attempts", "must be between 1 and " + limits.maxAttempts()));
    }
    if (request.timeoutS() != null
        && (request.timeoutS() < 1 || request.timeoutS() > limits.maxTimeoutS())) {
      errors.add(new FieldError("timeout_s", "must be between 1 and " + limits.maxTimeoutS()));
    }
    if (request.idempotencyKey() != null
        && (request.idempotencyKey().isBlank()
            || request.idempotencyKey().length() > MAX_IDEMPOTENCY_KEY)) {
      errors.add(
          new FieldError("idempotency_key", "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters"));
    }
    if (request.requirements() != null) {
      for (Map.Entry<String, String> requirement : request.requirements().entrySet()) {
        if (requirement.getKey().isBlank() || requirement.getValue() == null) {
          errors.add(new FieldError("requirements", "labels need a name and a value"));
        }
      }
    }
    return errors;
  }

  private static void checkPayload(JobKind kind, JsonNode payload, List<FieldError> errors) {
    switch (kind) {
      case SHELL -> {
        requireText(payload, "command", errors);
        optionalStringArray(payload, "args", errors);
        optionalStringMap(payload, "env", errors);
        optionalText(payload, "workdir", errors);
        if (payload.has("shell") && !payload.get("shell").isBoolean()) {
          errors.add(new FieldError("payload.shell", "must be true or false"));
        }
      }
      case HTTP -> {
        String method = payload.path("method").asText("");
        if (!HTTP_METHODS.contains(method)) {
          errors.add(new FieldError("payload.method", "must be one of " + HTTP_METHODS));
        }
        if (!isHttpUrl(payload.path("url").asText(""))) {
          errors.add(new FieldError("payload.url", "must be an absolute http(s) URL"));
        }
        optionalStringMap(payload, "headers", errors);
        optionalText(payload, "body", errors);
      }
      case AGENT -> requireText(payload, "prompt", errors);
      case SKILL -> requireText(payload, "skill", errors);
    }
  }

  private static boolean isHttpUrl(String raw) {
    try {
      URI uri = new URI(raw);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  private static void requireText(JsonNode payload, String field, List<FieldError> errors) {
    JsonNode value = payload.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      errors.add(new FieldError("payload." + field, "is required"));
    }
  }

  private static void optionalText(JsonNode payload, String field, List<FieldError> errors) {
    JsonNode value = payload.get(field);
    if (value != null && !value.isNull() && !value.isTextual()) {
      errors.add(new FieldError("payload." + field, "must be a string"));
    }
  }

  private static void optionalStringArray(JsonNode payload, String field, List<FieldError> errors) {
    JsonNode value = payload.get(field);
    if (value == null || value.isNull()) {
      return;
    }
    boolean ok = value.isArray();
    for (Iterator<JsonNode> it = value.elements(); ok && it.hasNext(); ) {
      ok = it.next().isTextual();
    }
    if (!ok) {
      errors.add(new FieldError("payload." + field, "must be an array of strings"));
    }
  }

  private static void optionalStringMap(JsonNode payload, String field, List<FieldError> errors) {
    JsonNode value = payload.get(field);
    if (value == null || value.isNull()) {
      return;
    }
    boolean ok = value.isObject();
    for (Iterator<JsonNode> it = value.elements(); ok && it.hasNext(); ) {
      ok = it.next().isTextual();
    }
    if (!ok) {
      errors.add(new FieldError("payload." + field, "must be an object of strings"));
    }
  }
}
