package dev.zoclone.agents.tool.skills;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.agents.client.SkillsClient;
import dev.zoclone.agents.tool.Tool;
import dev.zoclone.contract.skills.SkillRunRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs one script of a skill in the skills service's sandbox and reads back how it ended. */
@ApplicationScoped
public class RunSkillScriptTool implements Tool {
  private final SkillsClient skills;

  public RunSkillScriptTool(SkillsClient skills) {
    this.skills = skills;
  }

  @Override
  public String name() {
    return SkillToolNames.RUN_SCRIPT;
  }

  @Override
  public boolean readOnly() {
    return false;
  }

  @Override
  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name(name())
        .description(
            "Runs a script of a skill in a sandbox with a JSON input on its stdin and returns its"
                + " exit code, output and errors")
        .parameters(
            JsonObjectSchema.builder()
                .addStringProperty("name", "the skill's name")
                .addStringProperty(
                    "script", "the script's file name under scripts/ (optional when only one)")
                .addStringProperty("input", "the input as a JSON text, e.g. {\"value\": 3}")
                .required("name")
                .build())
        .build();
  }

  @Override
  public String execute(ToolContext context, JsonNode arguments) {
    String name = arguments.path("name").asText("");
    if (name.isBlank()) {
      return "error: name is required";
    }
    String script = arguments.hasNonNull("script") ? arguments.get("script").asText() : null;
    JsonNode input;
    try {
      input = input(arguments.get("input"));
    } catch (java.io.IOException e) {
      return "error: input must be JSON: " + e.getMessage();
    }
    try {
      JsonNode run =
          skills.run(context.owner(), name, new SkillRunRequest(script, input, null, null, null));
      return run.toString();
    } catch (SkillsClient.SkillsUnavailable e) {
      return "error: cannot run skill " + name + ": " + e.getMessage();
    }
  }

  /** Models send the input as a JSON text or as an object; both are accepted. */
  private static JsonNode input(JsonNode raw) throws java.io.IOException {
    if (raw == null || raw.isNull()) {
      return null;
    }
    if (raw.isTextual()) {
      String text = raw.asText().strip();
      return text.isEmpty()
          ? null
          : new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    }
    return raw;
  }
}
