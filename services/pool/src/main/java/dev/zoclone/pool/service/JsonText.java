package dev.zoclone.pool.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.zoclone.platform.events.EventJson;

/** Serializes small values for jsonb columns. */
final class JsonText {
  private JsonText() {}

  static String of(Object value) {
    try {
      return EventJson.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serializable as JSON", e);
    }
  }
}
