package dev.zoclone.agents.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.zoclone.agents.tool.Tool.ToolContext;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Runs one tool call for an ask or an MCP client: the arguments are checked against the tool's JSON
 * Schema, a failure becomes a short {@code error:} text the model can act on (never a stack trace),
 * and a long output is cut with a note saying so.
 */
@ApplicationScoped
public class ToolRunner {
  /** What every failed call's text starts with. */
  public static final String ERROR = "error:";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
  private final int maxChars;

  public ToolRunner(ToolsConfig config) {
    this.maxChars = config.maxOutputChars();
  }

  /** The tool's parameters as a JSON Schema document (what MCP clients are shown). */
  public static JsonNode inputSchema(Tool tool) {
    return tool.specification().parameters() == null
        ? JSON.createObjectNode().put("type", "object")
        : JSON.valueToTree(
            JsonSchemaElementUtils.toMap(tool.specification().parameters(), false, false));
  }

  /** Calls {@code tool} (null when the model named an unknown one) and answers its text. */
  public String run(Tool tool, String name, ToolContext context, JsonNode arguments) {
    if (tool == null) {
      return ERROR + " there is no tool named " + name;
    }
    String invalid = invalid(tool, arguments);
    if (invalid != null) {
      return ERROR + " invalid arguments: " + invalid;
    }
    String result;
    try {
      result = tool.execute(context, arguments);
    } catch (ProblemException e) {
      result = ERROR + " " + e.getMessage();
    } catch (RuntimeException e) {
      Log.warnf("tool %s failed: %s", name, e.toString());
      result = ERROR + " the tool failed";
    }
    return cap(result == null ? "" : result);
  }

  private String invalid(Tool tool, JsonNode arguments) {
    if (arguments == null || !arguments.isObject()) {
      return "the arguments must be a JSON object";
    }
    // The platform's tools never change; a remote tool of one user's MCP server may share its name
    // with another user's, so its schema is read afresh.
    JsonSchema schema =
        ToolRegistry.GROUPS.contains(tool.group())
            ? schemas.computeIfAbsent(tool.name(), name -> factory.getSchema(inputSchema(tool)))
            : factory.getSchema(inputSchema(tool));
    var messages = schema.validate(arguments);
    return messages.isEmpty()
        ? null
        : messages.stream()
            .map(ValidationMessage::getMessage)
            .sorted()
            .collect(Collectors.joining("; "));
  }

  private String cap(String text) {
    if (text.length() <= maxChars) {
      return text;
    }
    return text.substring(0, maxChars)
        + "\n[output cut at "
        + maxChars
        + " of "
        + text.length()
        + " characters]";
  }
}
