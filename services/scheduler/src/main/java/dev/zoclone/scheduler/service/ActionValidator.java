package dev.zoclone.scheduler.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.Problem.FieldError;
import dev.zoclone.contract.jobs.JobLimits;
import dev.zoclone.contract.jobs.JobRules;
import dev.zoclone.contract.pool.SubmitJobRequest;
import dev.zoclone.contract.scheduler.AutomationAction;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.scheduler.config.SchedulerConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Checks an action has what its type needs, naming the missing or wrong field. */
public final class ActionValidator {
  private static final String TOPIC = "[a-zA-Z0-9._-]{1,249}";
  private static final int MIN_SECRET = 16;

  private ActionValidator() {}

  /** The action's type; throws a 400 naming the offending {@code action.*} field. */
  public static ActionType validate(AutomationAction action) {
    if (action == null) {
      throw ProblemException.badRequest("action", "action is required");
    }
    ActionType type = type(action.type());
    switch (type) {
      case ASK -> require(action.prompt(), "action.prompt", "the prompt for the agent");
      case JOB -> checkJob(action.payload());
      case KAFKA -> {
        require(action.topic(), "action.topic", "the topic to publish to");
        if (!action.topic().matches(TOPIC)) {
          throw ProblemException.badRequest("action.topic", "not a valid Kafka topic name");
        }
      }
      case WEBHOOK -> {
        require(action.url(), "action.url", "the URL to POST to");
        URI url;
        try {
          url = URI.create(action.url());
        } catch (IllegalArgumentException e) {
          throw ProblemException.badRequest("action.url", "not a URL: " + e.getMessage());
        }
        if (url.getHost() == null
            || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
          throw ProblemException.badRequest("action.url", "must be an absolute http(s) URL");
        }
        if (action.secret() == null || action.secret().length() < MIN_SECRET) {
          throw ProblemException.badRequest(
              "action.secret",
              "a webhook needs a signing secret of at least " + MIN_SECRET + " characters");
        }
      }
    }
    return type;
  }

  /**
   * Throws a 400 naming each field of a job action's payload that breaks the pool's rules (shared
   * through libs/contract), as {@code action.payload.<field>}, so a bad job is refused when the
   * automation is created rather than dropped by the pool at each run.
   */
  private static void checkJob(JsonNode payload) {
    if (payload == null || !payload.isObject()) {
      throw ProblemException.badRequest(
          "action.payload", "a job needs a payload object with at least a kind");
    }
    SubmitJobRequest job;
    try {
      job = EventJson.mapper().treeToValue(payload, SubmitJobRequest.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw ProblemException.badRequest(
          "action.payload", "not a job: a field has the wrong type (" + firstLine(e) + ")");
    }
    // each run replaces the idempotency key with its own
    SubmitJobRequest checked =
        new SubmitJobRequest(
            job.kind(),
            job.payload(),
            job.priority(),
            job.requirements(),
            null,
            job.maxAttempts(),
            job.timeoutS());
    List<FieldError> errors =
        JobRules.check(checked, JobLimits.DEFAULTS).stream()
            .map(e -> new FieldError("action.payload." + e.field(), e.message()))
            .toList();
    if (!errors.isEmpty()) {
      throw new ProblemException(
          400,
          "validation",
          "Invalid job action",
          String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()),
          errors);
    }
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** Throws a 400 naming the first free-form field of the action over its limit. */
  public static void checkSizes(AutomationAction action, SchedulerConfig.Limits limits) {
    atMost("action.prompt", action.prompt(), limits.maxPromptChars());
    atMost("action.url", action.url(), limits.maxUrlChars());
    atMost("action.secret", action.secret(), limits.maxSecretChars());
    if (action.payload() != null) {
      int bytes = action.payload().toString().getBytes(StandardCharsets.UTF_8).length;
      if (bytes > limits.maxPayloadBytes()) {
        throw ProblemException.badRequest(
            "action.payload",
            "at most " + limits.maxPayloadBytes() + " bytes of JSON, not " + bytes);
      }
    }
  }

  private static void atMost(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw ProblemException.badRequest(field, "at most " + max + " characters");
    }
  }

  private static ActionType type(String raw) {
    try {
      return ActionType.valueOf(String.valueOf(raw).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(
          "action.type",
          "must be one of "
              + Arrays.stream(ActionType.values()).map(ActionType::wire).toList()
              + ", not "
              + raw);
    }
  }

  private static void require(String value, String field, String what) {
    if (value == null || value.isBlank()) {
      throw ProblemException.badRequest(field, "required: " + what);
    }
  }
}
