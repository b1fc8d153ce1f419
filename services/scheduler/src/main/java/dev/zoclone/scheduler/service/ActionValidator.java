package dev.zoclone.scheduler.service;

import dev.zoclone.contract.scheduler.AutomationAction;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.scheduler.config.SchedulerConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
      case JOB -> {
        if (action.payload() == null
            || !action.payload().isObject()
            || !action.payload().hasNonNull("kind")) {
          throw ProblemException.badRequest(
              "action.payload", "a job needs a payload object with at least a kind");
        }
      }
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
