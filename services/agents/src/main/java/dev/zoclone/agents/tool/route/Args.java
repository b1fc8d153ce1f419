package dev.zoclone.agents.tool.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads a tool's arguments; a missing required one is an IllegalArgumentException. */
public final class Args {
  private Args() {}

  /** The non-blank text {@code field}, or the exception naming it. */
  public static String required(JsonNode arguments, String field) {
    JsonNode value = arguments.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value.asText();
  }

  /** The arguments as a request body, without the fields that went into the path. */
  public static ObjectNode bodyWithout(JsonNode arguments, String... pathFields) {
    ObjectNode body = arguments.isObject() ? ((ObjectNode) arguments).deepCopy() : null;
    if (body == null) {
      throw new IllegalArgumentException("the arguments must be a JSON object");
    }
    body.remove(java.util.List.of(pathFields));
    return body;
  }
}
