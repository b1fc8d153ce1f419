package dev.zoclone.cli.skills;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zo skills rm NAME [--shared]}: deletes your skill (all versions). */
@Command(name = "rm", description = "Delete your skill, all its versions.")
public final class RemoveSkillCommand extends GatewayCommand {
  @Parameters(paramLabel = "NAME", description = "The skill's name.")
  private String name;

  @Option(names = "--shared", description = "(admin) Delete the shared upload of this name.")
  private boolean shared;

  @Override
  protected int execute(GatewayClient gateway) {
    gateway.delete(
        "/api/v1/skills/" + GatewayClient.pathSegment(name) + (shared ? "?shared=true" : ""));
    if (!json()) {
      out().println("Deleted skill " + name + ".");
    }
    return ExitCodes.OK;
  }
}
