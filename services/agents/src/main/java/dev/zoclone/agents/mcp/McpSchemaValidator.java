package dev.zoclone.agents.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The MCP SDK's schema check on the JSON Schema library this service already uses (the SDK's own
 * Jackson 2 validator needs a newer major version of it).
 */
public final class McpSchemaValidator implements JsonSchemaValidator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
    try {
      JsonNode value = JSON.valueToTree(structuredContent);
      var messages = factory.getSchema(JSON.valueToTree(schema)).validate(value);
      return messages.isEmpty()
          ? ValidationResponse.asValid(value.toString())
          : ValidationResponse.asInvalid(
              messages.stream()
                  .map(ValidationMessage::getMessage)
                  .collect(Collectors.joining("; ")));
    } catch (RuntimeException e) {
      return ValidationResponse.asInvalid("cannot check the schema: " + e.getMessage());
    }
  }
}
