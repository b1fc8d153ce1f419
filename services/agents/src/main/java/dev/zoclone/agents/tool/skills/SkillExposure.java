package dev.zoclone.agents.tool.skills;

import dev.zoclone.agents.client.SkillsClient;
import dev.zoclone.agents.config.AgentsConfig;
import dev.zoclone.agents.keys.RefreshingLookups;
import dev.zoclone.agents.tool.Tool;
import dev.zoclone.contract.skills.SkillSummary;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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

  /** Refreshes of listings, in the background: a few at once, each a call to the skills service. */
  private final ThreadPoolExecutor refresher = refresher();

  /**
   * Each owner's available skills (empty: the skills service did not answer). An ask waits on the
   * skills service only for an owner not listed in the last ten minutes; a listing older than a
   * second is served while one refresh asks again, so a new skill shows in the ask after the one
   * that started the refresh.
   */
  private final RefreshingLookups<String, List<SkillSummary>> listings =
      new RefreshingLookups<>(
          this::available,
          refresher,
          System::nanoTime,
          Duration.ofSeconds(1),
          Duration.ofMinutes(10),
          10_000);

  public SkillExposure(SkillsClient skills, AgentsConfig config) {
    this.skills = skills;
    this.maxPromptChars = config.skills().promptMaxChars();
  }

  private static ThreadPoolExecutor refresher() {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            4,
            4,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(10_000),
            r -> {
              Thread t = new Thread(r, "skills-refresh");
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  @PreDestroy
  void stop() {
    refresher.shutdownNow();
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
    Optional<List<SkillSummary>> listed = listings.get(owner);
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
