package dev.zoclone.cli.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The CLI's one JSON mapper: snake_case fields, unknown fields ignored, nulls left out. */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          // The contract's records carry Instants (created_at…); the CLI has no jsr310 module.
          .registerModule(
              new SimpleModule("instants")
                  .addDeserializer(Instant.class, new InstantDeserializer())
                  .addSerializer(Instant.class, ToStringSerializer.instance));

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

  /** Reads an ISO-8601 instant ({@code 2026-01-01T00:00:00Z}) or epoch seconds. */
  private static final class InstantDeserializer extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    InstantDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken().isNumeric()) {
        return Instant.ofEpochMilli(Math.round(parser.getDoubleValue() * 1000));
      }
      String text = parser.getValueAsString();
      try {
        return text == null || text.isBlank() ? null : Instant.parse(text.strip());
      } catch (DateTimeParseException e) {
        return (Instant) context.handleWeirdStringValue(Instant.class, text, e.getMessage());
      }
    }
  }
}
