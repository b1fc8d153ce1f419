package dev.zoclone.memory.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** {@code meta} between its Java form (string to string) and its jsonb column. */
final class MetaJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

  private MetaJson() {}

  static String write(Map<String, String> meta) {
    try {
      return JSON.writeValueAsString(meta == null ? Map.of() : meta);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("meta cannot be written as JSON", e);
    }
  }

  static Map<String, String> read(String json) {
    try {
      return json == null ? Map.of() : JSON.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored meta is not a string map", e);
    }
  }
}
