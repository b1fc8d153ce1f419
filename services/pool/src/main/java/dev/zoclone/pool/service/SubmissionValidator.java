package dev.zoclone.pool.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.Problem.FieldError;
import dev.zoclone.contract.pool.SubmitJobRequest;
import dev.zoclone.platform.identity.CurrentCaller;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.pool.JobKind;
import dev.zoclone.pool.config.PoolConfig;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a submission against the API's rules, reporting every offending field at once. */
@ApplicationScoped
public class SubmissionValidator {
  private static final Set<String> HTTP_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  private static final int MAX_IDEMPOTENCY_KEY = 200;

  /**
   * Idempotency keys of jobs the scheduler submits for automation runs (over Kafka): a user may not
   * submit one, or their job's events would be taken for the run's.
   */
  static final String RESERVED_KEY_PREFIX = "automation-run:";

  private final PoolConfig config;
  private final CurrentCaller caller;

  public SubmissionValidator(PoolConfig config, CurrentCaller caller) {
    this.config = config;
    this.caller = caller;
  }

  /** Throws a 400 problem naming each offending field; answers the job's kind otherwise. */
  public JobKind validate(SubmitJobRequest request) {
    if (request == null) {
      throw ProblemException.badRequest("body", "a job is required");
    }
    List<FieldError> errors = new ArrayList<>();
    JobKind kind = JobKind.parse(request.kind()).orElse(null);
    if (kind == null) {
      errors.add(new FieldError("kind", "must be one of shell, http, agent, skill"));
    }
    JsonNode payload = request.payload();
    if (payload == null || !payload.isObject()) {
      errors.add(new FieldError("payload", "must be an object"));
    } else if (kind != null) {
      checkPayload(kind, payload, errors);
    }
    int maxPriority = config.maxPriority();
    if (request.priority() != null && Math.abs((long) request.priority()) > maxPriority) {
      errors.add(
          new FieldError("priority", "must be between " + -maxPriority + " and " + maxPriority));
    }
    if (request.maxAttempts() != null
        && (request.maxAttempts() < 1 || request.maxAttempts() > config.maxAttemptsLimit())) {
      errors.add(
          new FieldError("max_attempts", "must be between 1 and " + config.maxAttemptsLimit()));
    }
    if (request.timeoutS() != null
        && (request.timeoutS() < 1 || request.timeoutS() > config.maxTimeoutS())) {
      errors.add(new FieldError("timeout_s", "must be between 1 and " + config.maxTimeoutS()));
    }
    if (request.idempotencyKey() != null
        && (request.idempotencyKey().isBlank()
            || request.idempotencyKey().length() > MAX_IDEMPOTENCY_KEY)) {
      errors.add(
          new FieldError("idempotency_key", "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters"));
    }
    if (request.idempotencyKey() != null
        && request.idempotencyKey().startsWith(RESERVED_KEY_PREFIX)
        && submittedByUser()) {
      errors.add(
          new FieldError(
              "idempotency_key",
              "the prefix " + RESERVED_KEY_PREFIX + " is reserved for the scheduler"));
    }
    if (request.requirements() != null) {
      for (Map.Entry<String, String> requirement : request.requirements().entrySet()) {
        if (requirement.getKey().isBlank() || requirement.getValue() == null) {
          errors.add(new FieldError("requirements", "labels need a name and a value"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          400, "validation", "Invalid job", describe(errors), List.copyOf(errors));
    }
    return kind;
  }

  /** Whether a user's HTTP request submits the job (not a record on zo.pool.jobs). */
  private boolean submittedByUser() {
    if (!Arc.container().requestContext().isActive()) {
      return false;
    }
    try {
      caller.userId();
      return true;
    } catch (ProblemException e) {
      return false; // a request context without a caller: not an HTTP request of a user
    }
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

  private static String describe(List<FieldError> errors) {
    return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
  }
}
