package dev.zoclone.agents.tool.skills;

import dev.zoclone.agents.client.SkillsClient;
import dev.zoclone.agents.config.AgentsConfig;
import dev.zoclone.agents.keys.RecentLookups;
import dev.zoclone.agents.tool.Tool;
import dev.zoclone.contract.skills.SkillSummary;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Progressive disclosure, first level: what an ask tells the model about the caller's skills. The
 * system prompt lists each available skill's name and description (and legacy triggers), capped at
 * a bounded size; the skill tools are offered only when skills are on and there is a skill to use.
 * Skills are off when the request says {@code skills: false}.
 */
@ApplicationScoped
public class SkillExposure {
  private final SkillsClient skills;
  private final int maxPromptChars;

  /**
   * Each owner's available skills (empty: the skills service did not answer), asked of the skills
   * service at most once a second rather than on every ask; a new skill shows within a second.
   */
  private final RecentLookups<String, List<SkillSummary>> recent =
      new RecentLookups<>(Duration.ofSeconds(1), 10_000);

  public SkillExposure(SkillsClient skills, AgentsConfig config) {
    this.skills = skills;
    this.maxPromptChars = config.skills().promptMaxChars();
  }

  /** The tools to offer and the text to add to the system prompt (null for none). */
  public record Exposure(List<Tool> tools, String prompt) {}

  /** What the model of {@code owner}'s ask sees of skills, given the tools selected. */
  public Exposure expose(String owner, List<Tool> selected, Boolean requested) {
    List<Tool> withoutSkills =
        selected.stream().filter(tool -> !SkillToolNames.ALL.contains(tool.name())).toList();
    if (Boolean.FALSE.equals(requested) || withoutSkills.size() == selected.size()) {
      return new Exposure(withoutSkills, null);
    }
    Optional<List<SkillSummary>> listed = recent.get(owner, this::available);
    if (listed.isEmpty()) {
      return new Exposure(withoutSkills, null);
    }
    List<SkillSummary> available = listed.get();
    if (available.isEmpty()) {
      return new Exposure(withoutSkills, null);
    }
    return new Exposure(selected, listing(available));
  }

  /** The owner's available skills from the skills service; empty when it does not answer. */
  private Optional<List<SkillSummary>> available(String owner) {
    try {
      return Optional.of(skills.list(owner).stream().filter(SkillSummary::available).toList());
    } catch (SkillsClient.SkillsUnavailable e) {
      Log.warnf("asking without skills: %s", e.getMessage());
      return Optional.empty();
    }
  }

  private String listing(List<SkillSummary> available) {
    StringBuilder text =
        new StringBuilder(
            "You have skills: folders of instructions and scripts. When a task matches a skill,"
                + " call "
                + SkillToolNames.LOAD
                + " with its name to read how to use it, "
                + SkillToolNames.READ_FILE
                + " for its other files, and "
                + SkillToolNames.RUN_SCRIPT
                + " to run its scripts. Available skills:");
    int listed = 0;
    for (SkillSummary skill : available) {
      String line =
          "\n- "
              + skill.name()
              + ": "
              + skill.description()
              + (skill.triggers() == null || skill.triggers().isEmpty()
                  ? ""
                  : " (triggers: " + String.join(", ", skill.triggers()) + ")");
      if (text.length() + line.length() > maxPromptChars) {
        text.append("\n(")
            .append(available.size() - listed)
            .append(" more skills not listed; ask the user for the one to use)");
        break;
      }
      text.append(line);
      listed++;
    }
    return text.toString();
  }
}
