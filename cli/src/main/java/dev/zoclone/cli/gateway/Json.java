package dev.zoclone.cli.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;

/** The CLI's one JSON mapper: snake_case fields, unknown fields ignored, nulls left out. */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Json() {}

  /** {@code value} as a JSON document. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new CliFailure(
          ExitCodes.FAILURE, "cannot write the request as JSON: " + e.getMessage());
    }
  }

  /**
   * {@code body} read as a {@code type}, or a failure saying the gateway answered something else.
   */
  public static <T> T read(String body, Class<T> type) {
    try {
      return MAPPER.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new CliFailure(
          ExitCodes.FAILURE,
          "the gateway answered with something zo cannot read as "
              + type.getSimpleName()
              + ": "
              + e.getOriginalMessage());
    }
  }
}
