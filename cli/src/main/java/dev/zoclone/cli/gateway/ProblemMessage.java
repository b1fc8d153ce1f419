package dev.zoclone.cli.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns an error response, problem+json or not, into the one line {@code zo} prints. */
final class ProblemMessage {
  private static final ObjectMapper TREE = new ObjectMapper();
  private static final int MAX_BODY_CHARS = 200;

  private ProblemMessage() {}

  /** {@code title: detail} for a problem, else the status and the start of the body. */
  static String describe(int status, String body, Optional<String> retryAfter) {
    String message = fromProblem(body).orElseGet(() -> fromPlainBody(status, body));
    return retryAfter.map(seconds -> message + " (retry after " + seconds + "s)").orElse(message);
  }

  /** The problem's {@code type}, when {@code body} is a problem that names one. */
  static Optional<String> type(String body) {
    try {
      JsonNode problem = TREE.readTree(body);
      return problem != null && problem.path("type").isTextual()
          ? Optional.of(problem.path("type").asText()).filter(t -> !t.isBlank())
          : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> fromProblem(String body) {
    JsonNode problem;
    try {
      problem = TREE.readTree(body);
    } catch (JsonProcessingException e) {
      return Optional.empty(); // not JSON, so not a problem: the body is shown as text
    }
    if (problem == null || !problem.isObject()) {
      return Optional.empty();
    }
    String title = text(problem, "title");
    String detail = text(problem, "detail");
    if (detail.isEmpty()) {
      detail = fieldErrors(problem.path("errors"));
    }
    if (title.isEmpty() && detail.isEmpty()) {
      return Optional.empty();
    }
    if (title.isEmpty() || detail.isEmpty()) {
      return Optional.of(title + detail);
    }
    return Optional.of(title + ": " + detail);
  }

  private static String fieldErrors(JsonNode errors) {
    List<String> parts = new ArrayList<>();
    errors.forEach(e -> parts.add(text(e, "field") + ": " + text(e, "message")));
    return String.join("; ", parts);
  }

  private static String fromPlainBody(int status, String body) {
    String firstLine = body.strip().lines().findFirst().orElse("");
    if (firstLine.isEmpty()) {
      return "HTTP " + status + " from the gateway";
    }
    if (firstLine.length() > MAX_BODY_CHARS) {
      firstLine = firstLine.substring(0, MAX_BODY_CHARS) + "...";
    }
    return "HTTP " + status + " from the gateway: " + firstLine;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() ? value.asText().strip().replaceAll("\\s*\\R\\s*", " ") : "";
  }
}
