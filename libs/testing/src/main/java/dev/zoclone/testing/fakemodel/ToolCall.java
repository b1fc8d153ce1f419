package dev.zoclone.testing.fakemodel;

import java.util.List;
import java.util.Objects;

/**
 * A function call the fake model asks the client to make: an id (generated in the provider's style
 * when null), the function name and its arguments as a JSON object.
 */
public record ToolCall(String id, String name, String argumentsJson) {

  public ToolCall {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(argumentsJson, "argumentsJson");
    if (!Json.parseStrictly(argumentsJson, "arguments of tool call " + name).isObject()) {
      throw new IllegalArgumentException(
          "arguments of tool call " + name + " must be a JSON object: " + argumentsJson);
    }
  }

  /** A call whose id the server generates, like {@code call_fake_1} or {@code toolu_fake_1}. */
  public static ToolCall of(String name, String argumentsJson) {
    return new ToolCall(null, name, argumentsJson);
  }

  /** The arguments split in two when streamed, so clients must stitch them back together. */
  List<String> argumentPieces() {
    if (argumentsJson.length() < 2) {
      return List.of(argumentsJson);
    }
    int middle = argumentsJson.length() / 2;
    return List.of(argumentsJson.substring(0, middle), argumentsJson.substring(middle));
  }
}
