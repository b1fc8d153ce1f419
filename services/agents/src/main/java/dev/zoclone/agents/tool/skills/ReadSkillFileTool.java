package dev.zoclone.agents.tool.skills;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.agents.client.SkillsClient;
import dev.zoclone.agents.tool.Tool;
import jakarta.enterprise.context.ApplicationScoped;

/** Progressive disclosure, third level: one file of a skill (a reference, an asset, a script). */
@ApplicationScoped
public class ReadSkillFileTool implements Tool {
  /** Characters of a file the model reads at most. */
  static final int MAX_CHARS = 20_000;

  private final SkillsClient skills;

  public ReadSkillFileTool(SkillsClient skills) {
    this.skills = skills;
  }

  @Override
  public String name() {
    return SkillToolNames.READ_FILE;
  }

  @Override
  public boolean readOnly() {
    return true;
  }

  @Override
  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name(name())
        .description("Reads one file of a skill, such as references/guide.md")
        .parameters(
            JsonObjectSchema.builder()
                .addStringProperty("name", "the skill's name")
                .addStringProperty("path", "the file's path inside the skill folder")
                .required("name", "path")
                .build())
        .build();
  }

  @Override
  public String execute(ToolContext context, JsonNode arguments) {
    String name = arguments.path("name").asText("");
    String path = arguments.path("path").asText("");
    if (name.isBlank() || path.isBlank()) {
      return "error: name and path are required";
    }
    try {
      String text = skills.file(context.owner(), name, path);
      return text.length() <= MAX_CHARS
          ? text
          : text.substring(0, MAX_CHARS) + "\n[truncated at " + MAX_CHARS + " characters]";
    } catch (SkillsClient.SkillsUnavailable e) {
      return "error: cannot read " + path + " of skill " + name + ": " + e.getMessage();
    }
  }
}
