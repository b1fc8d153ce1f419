package dev.zoclone.cli.schedule;

import picocli.CommandLine.Command;

/** {@code zo schedule}: the group of automation commands (RFC 5545 recurring actions). */
@Command(
    name = "schedule",
    description = "Automations that fire on an RFC 5545 recurrence rule.",
    subcommands = {
      AddAutomationCommand.class,
      ListAutomationsCommand.class,
      ShowAutomationCommand.class,
      AutomationRunsCommand.class,
      PauseAutomationCommand.class,
      ResumeAutomationCommand.class,
      RemoveAutomationCommand.class,
      PreviewCommand.class
    })
public final class ScheduleCommand {
  /** The path of all automation routes. */
  static final String AUTOMATIONS = "/api/v1/automations";
}
