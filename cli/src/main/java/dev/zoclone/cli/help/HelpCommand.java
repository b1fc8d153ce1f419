package dev.zoclone.cli.help;

import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code zo help [command...]}: the same text as {@code zo [command...] --help}. */
@Command(
    name = "help",
    description = "Show the help of zo or of a command, e.g. zo help jobs submit.")
public final class HelpCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "A command, e.g. jobs submit.")
  private List<String> path = List.of();

  @Override
  public Integer call() {
    CommandLine target = spec.root().commandLine();
    for (String name : path) {
      CommandLine next = target.getSubcommands().get(name);
      if (next == null) {
        throw new CliFailure(
            ExitCodes.USAGE,
            "no command '"
                + String.join(" ", path)
                + "'; "
                + (target == spec.root().commandLine() ? "zo" : target.getCommandName())
                + " has: "
                + String.join(", ", target.getSubcommands().keySet()));
      }
      target = next;
    }
    spec.commandLine().getOut().print(target.getUsageMessage(Ansi.AUTO));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
