package dev.zoclone.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.zoclone.contract.EventEnvelope;
import io.quarkus.logging.Log;
import java.util.Optional;

/** The one JSON form of {@link EventEnvelope} on Kafka and in the outbox. */
public final class EventJson {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private EventJson() {}

  /** The envelope as a JSON string. */
  public static String write(EventEnvelope event) {
    try {
      return JSON.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event " + event.id() + " cannot be serialized", e);
    }
  }

  /** Parses an envelope; a record that is not one is an {@link IllegalArgumentException}. */
  public static EventEnvelope read(String json) {
    try {
      return JSON.readValue(json, EventEnvelope.class);
    } catch (JsonProcessingException | NullPointerException e) {
      throw new IllegalArgumentException("not an event envelope: " + e.getMessage(), e);
    }
  }

  /** Parses an envelope, or logs why a record on {@code topic} is not one and answers empty. */
  public static Optional<EventEnvelope> readOrSkip(String json, String topic) {
    try {
      return Optional.of(read(json));
    } catch (IllegalArgumentException e) {
      Log.warnf("ignoring a record on %s that is not an event: %s", topic, e.getMessage());
      return Optional.empty();
    }
  }

  /** The shared mapper, for building event payloads. */
  public static ObjectMapper mapper() {
    return JSON;
  }
}
