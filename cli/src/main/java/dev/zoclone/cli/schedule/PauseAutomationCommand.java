package dev.zoclone.cli.schedule;

import picocli.CommandLine.Command;

/** {@code zo schedule pause ID}: stops an automation firing until it is resumed. */
@Command(name = "pause", description = "Stop an automation firing until you resume it.")
public final class PauseAutomationCommand extends ActiveSwitch {
  @Override
  boolean active() {
    return false;
  }
}
