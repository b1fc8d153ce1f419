package dev.zoclone.agents.ask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Checks a model's answer against the caller's JSON Schema with a real validator. A schema may only
 * refer to itself and to the meta-schemas bundled with the validator: no IRI is ever fetched (a
 * {@code $ref} or {@code $schema} naming {@code http://169.254.169.254/} or {@code
 * file:///etc/passwd} is a 400 before any model is called), nothing is cached across requests, and
 * {@code pattern} runs in linear time.
 */
@ApplicationScoped
public class StructuredOutput {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().regularExpressionFactory(LinearRegex.INSTANCE).build();
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder
                  .enableSchemaCache(false)
                  .schemaLoaders(
                      loaders ->
                          loaders.add(
                              new AllowSchemaLoader(
                                  iri -> iri.toString().startsWith("classpath:")))));

  /** The answer parsed, or the reasons it does not validate. */
  public record Checked(JsonNode value, List<String> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  /** The compiled schema; 400 when {@code schema} is not a JSON Schema object. */
  public JsonSchema compile(JsonNode schema) {
    if (schema == null || !schema.isObject()) {
      throw ProblemException.badRequest("output_format", "must be a JSON Schema object");
    }
    try {
      JsonSchema compiled = factory.getSchema(schema, CONFIG);
      compiled.initializeValidators(); // resolves every $ref now, not during the first answer
      return compiled;
    } catch (RuntimeException e) {
      throw ProblemException.badRequest(
          "output_format", "is not a valid JSON Schema: " + e.getMessage());
    }
  }

  /** Parses {@code answer} (a JSON object, possibly in a Markdown fence) and validates it. */
  public Checked check(JsonSchema schema, String answer) {
    String text = stripFence(answer == null ? "" : answer.trim());
    JsonNode value;
    try {
      value = JSON.readTree(text);
    } catch (Exception e) {
      return new Checked(null, List.of("the answer is not JSON"));
    }
    if (value == null || value.isMissingNode()) {
      return new Checked(null, List.of("the answer is empty"));
    }
    Set<ValidationMessage> messages = schema.validate(value);
    return new Checked(
        value, messages.stream().map(ValidationMessage::getMessage).sorted().toList());
  }

  /**
   * The schema as a JSON-schema response format, for providers with a native structured-output mode
   * (OpenAI's {@code response_format: {type: json_schema}}); not strict, since a caller's schema
   * need not meet strict mode's rules, so the answer is still validated.
   */
  public ResponseFormat nativeFormat(JsonNode schema) {
    return ResponseFormat.builder()
        .type(ResponseFormatType.JSON)
        .jsonSchema(
            dev.langchain4j.model.chat.request.json.JsonSchema.builder()
                .name("output")
                .rootElement(JsonRawSchema.from(schema.toString()))
                .build())
        .build();
  }

  /** The instruction added to the system prompt so the model answers in the schema. */
  public String instruction(JsonNode schema) {
    return "Answer with only a JSON value (no prose, no Markdown) that validates against this JSON"
        + " Schema:\n"
        + schema.toString();
  }

  private static String stripFence(String text) {
    if (text.startsWith("```")) {
      int firstNewline = text.indexOf('\n');
      int lastFence = text.lastIndexOf("```");
      if (firstNewline > 0 && lastFence > firstNewline) {
        return text.substring(firstNewline + 1, lastFence).trim();
      }
    }
    return text;
  }
}
