package dev.zoclone.cli.schedule;

import picocli.CommandLine.Command;

/** {@code zo schedule resume ID}: fires again from now on; what was missed while paused is not. */
@Command(
    name = "resume",
    description = {
      "Let a paused automation fire again from now on.",
      "Occurrences missed while it was paused are skipped."
    })
public final class ResumeAutomationCommand extends ActiveSwitch {
  @Override
  boolean active() {
    return true;
  }
}
