package dev.zoclone.agents.tool.skills;

import java.util.Set;

/** The names the model calls the skill tools by; the one place they are spelled. */
public final class SkillToolNames {
  /** Loads a skill's instructions (its SKILL.md body) and the list of its files. */
  public static final String LOAD = "skills_load";

  /** Reads one file of a skill. */
  public static final String READ_FILE = "skills_read_file";

  /** Runs one script of a skill in the sandbox. */
  public static final String RUN_SCRIPT = "skills_run";

  /** Lists the skills the user can use. */
  public static final String LIST = "skills_list";

  /** All of them. */
  public static final Set<String> ALL = Set.of(LIST, LOAD, READ_FILE, RUN_SCRIPT);

  private SkillToolNames() {}
}
