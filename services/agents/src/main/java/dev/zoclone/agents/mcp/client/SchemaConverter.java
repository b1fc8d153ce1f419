package dev.zoclone.agents.mcp.client;

import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.List;
import java.util.Map;

/**
 * A remote tool's JSON Schema (as the MCP server sent it) in the form the models are offered. What
 * it cannot express (a {@code $ref}, an unknown type) becomes a free-form value, so a tool is never
 * refused for its schema; the server still checks the arguments.
 */
final class SchemaConverter {
  private SchemaConverter() {}

  /** The schema of a tool's arguments, always an object. */
  static JsonObjectSchema parameters(Map<String, Object> schema) {
    if (schema == null) {
      return JsonObjectSchema.builder().build();
    }
    JsonSchemaElement element = element(schema, 0);
    return element instanceof JsonObjectSchema object ? object : JsonObjectSchema.builder().build();
  }

  @SuppressWarnings("unchecked")
  private static JsonSchemaElement element(Object raw, int depth) {
    if (!(raw instanceof Map<?, ?> map) || depth > 16) {
      return JsonObjectSchema.builder().additionalProperties(true).build();
    }
    Map<String, Object> schema = (Map<String, Object>) map;
    String description = schema.get("description") instanceof String d ? d : null;
    if (schema.get("enum") instanceof List<?> values) {
      return JsonEnumSchema.builder()
          .description(description)
          .enumValues(values.stream().map(String::valueOf).toList())
          .build();
    }
    Object type = schema.get("type");
    if (type instanceof List<?> types) {
      type = types.stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
    }
    if (type == null && schema.get("anyOf") instanceof List<?> options) {
      return JsonAnyOfSchema.builder()
          .description(description)
          .anyOf(options.stream().map(option -> element(option, depth + 1)).toList())
          .build();
    }
    return switch (String.valueOf(type)) {
      case "string" -> JsonStringSchema.builder().description(description).build();
      case "integer" -> JsonIntegerSchema.builder().description(description).build();
      case "number" -> JsonNumberSchema.builder().description(description).build();
      case "boolean" -> JsonBooleanSchema.builder().description(description).build();
      case "array" ->
          JsonArraySchema.builder()
              .description(description)
              .items(element(schema.get("items"), depth + 1))
              .build();
      default -> object(schema, description, depth);
    };
  }

  private static JsonObjectSchema object(
      Map<String, Object> schema, String description, int depth) {
    JsonObjectSchema.Builder object = JsonObjectSchema.builder().description(description);
    if (schema.get("properties") instanceof Map<?, ?> properties) {
      properties.forEach(
          (name, property) ->
              object.addProperty(String.valueOf(name), element(property, depth + 1)));
    } else {
      object.additionalProperties(true);
    }
    if (schema.get("required") instanceof List<?> required) {
      object.required(required.stream().map(String::valueOf).toList());
    }
    return object.build();
  }
}
