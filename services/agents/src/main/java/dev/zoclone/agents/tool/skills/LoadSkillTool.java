package dev.zoclone.agents.tool.skills;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.agents.client.SkillsClient;
import dev.zoclone.agents.tool.Tool;
import dev.zoclone.contract.skills.SkillDetail;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.stream.Collectors;

/** Progressive disclosure, second level: a skill's full instructions and the list of its files. */
@ApplicationScoped
public class LoadSkillTool implements Tool {
  private final SkillsClient skills;

  public LoadSkillTool(SkillsClient skills) {
    this.skills = skills;
  }

  @Override
  public String name() {
    return SkillToolNames.LOAD;
  }

  @Override
  public boolean readOnly() {
    return true;
  }

  @Override
  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name(name())
        .description(
            "Loads a skill's instructions (its SKILL.md) and lists its files; call it before"
                + " using a skill listed in the system prompt")
        .parameters(
            JsonObjectSchema.builder()
                .addStringProperty("name", "the skill's name")
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
    try {
      SkillDetail skill = skills.show(context.owner(), name);
      String files =
          skill.files().stream()
              .map(file -> "- " + file.path() + " (" + file.size() + " bytes)")
              .collect(Collectors.joining("\n"));
      return "# Skill "
          + skill.name()
          + " (version "
          + skill.version()
          + ")\n"
          + skill.description()
          + "\n\n"
          + skill.body()
          + "\n\n## Files\n"
          + files
          + (skill.available() ? "" : "\n\nThis skill cannot run here: " + skill.reason());
    } catch (SkillsClient.SkillsUnavailable e) {
      return "error: cannot load skill " + name + ": " + e.getMessage();
    }
  }
}
