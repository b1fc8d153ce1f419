package dev.zoclone.cli.skills;

import picocli.CommandLine.Command;

/** {@code zo skills}: the group of commands on the skills registry and skill runs. */
@Command(
    name = "skills",
    description = "Install, list, run and remove skills (Agent Skills folders).",
    subcommands = {
      ListSkillsCommand.class,
      ShowSkillCommand.class,
      InstallSkillCommand.class,
      ValidateSkillCommand.class,
      RunSkillCommand.class,
      ListRunsCommand.class,
      RemoveSkillCommand.class
    })
public final class SkillsCommand {}
