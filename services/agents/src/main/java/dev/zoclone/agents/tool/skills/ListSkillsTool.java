package dev.zoclone.agents.tool.skills;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.agents.client.SkillsClient;
import dev.zoclone.agents.tool.Tool;
import dev.zoclone.contract.skills.SkillSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;

/** Lists the skills the caller can use, with their descriptions (for clients without a prompt). */
@ApplicationScoped
public class ListSkillsTool implements Tool {
  private final SkillsClient skills;

  public ListSkillsTool(SkillsClient skills) {
    this.skills = skills;
  }

  @Override
  public String name() {
    return SkillToolNames.LIST;
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
            "Lists the user's skills (folders of instructions and scripts) with a description of"
                + " each; then use skills_load")
        .parameters(JsonObjectSchema.builder().build())
        .build();
  }

  @Override
  public String execute(ToolContext context, JsonNode arguments) {
    try {
      List<SkillSummary> found = skills.list(context.owner());
      if (found.isEmpty()) {
        return "no skills";
      }
      return found.stream()
          .map(
              skill ->
                  "- "
                      + skill.name()
                      + ": "
                      + skill.description()
                      + (skill.available() ? "" : " (cannot run here: " + skill.reason() + ")"))
          .collect(Collectors.joining("\n"));
    } catch (SkillsClient.SkillsUnavailable e) {
      return "error: cannot list skills: " + e.getMessage();
    }
  }
}
