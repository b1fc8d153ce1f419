package dev.zoclone.cli;

import dev.zoclone.cli.agents.AgentsCommand;
import dev.zoclone.cli.agents.AskCommand;
import dev.zoclone.cli.agents.ChatCommand;
import dev.zoclone.cli.agents.KeysCommand;
import dev.zoclone.cli.agents.ModelsCommand;
import dev.zoclone.cli.agents.PersonasCommand;
import dev.zoclone.cli.agents.SettingsCommand;
import dev.zoclone.cli.agents.UsageCommand;
import dev.zoclone.cli.browser.BrowseCommand;
import dev.zoclone.cli.browser.BrowserCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.help.CommandGroups;
import dev.zoclone.cli.help.CompletionCommand;
import dev.zoclone.cli.help.HelpCommand;
import dev.zoclone.cli.identity.TokensCommand;
import dev.zoclone.cli.identity.UsersCommand;
import dev.zoclone.cli.identity.WhoamiCommand;
import dev.zoclone.cli.mcp.McpCommand;
import dev.zoclone.cli.mcp.ToolsCommand;
import dev.zoclone.cli.memory.ConversationsCommand;
import dev.zoclone.cli.memory.MemoryCommand;
import dev.zoclone.cli.memory.RecallCommand;
import dev.zoclone.cli.pool.JobsCommand;
import dev.zoclone.cli.pool.NodeCommand;
import dev.zoclone.cli.pool.NodesCommand;
import dev.zoclone.cli.processes.OpenCommand;
import dev.zoclone.cli.processes.ProcessActionCommand;
import dev.zoclone.cli.processes.PsCommand;
import dev.zoclone.cli.processes.RemoveProcessCommand;
import dev.zoclone.cli.processes.RunCommand;
import dev.zoclone.cli.schedule.ScheduleCommand;
import dev.zoclone.cli.skills.SkillsCommand;
import dev.zoclone.cli.status.StatusCommand;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code zo}, the command-line client of a ZoClone gateway; each subcommand is one class. */
@Command(
    name = "zo",
    versionProvider = VersionProvider.class,
    description = "Command-line client of a ZoClone gateway.",
    subcommands = {
      StatusCommand.class,
      LoginCommand.class,
      WhoamiCommand.class,
      UsersCommand.class,
      TokensCommand.class,
      JobsCommand.class,
      NodesCommand.class,
      NodeCommand.class,
      MemoryCommand.class,
      RecallCommand.class,
      ConversationsCommand.class,
      ScheduleCommand.class,
      AskCommand.class,
      ChatCommand.class,
      KeysCommand.class,
      ModelsCommand.class,
      SettingsCommand.class,
      PersonasCommand.class,
      UsageCommand.class,
      AgentsCommand.class,
      PsCommand.class,
      RunCommand.class,
      ProcessActionCommand.Start.class,
      ProcessActionCommand.Stop.class,
      ProcessActionCommand.Restart.class,
      RemoveProcessCommand.class,
      OpenCommand.class,
      SkillsCommand.class,
      BrowseCommand.class,
      BrowserCommand.class,
      McpCommand.class,
      ToolsCommand.class,
      HelpCommand.class,
      CompletionCommand.class
    },
    commandListHeading = "%nCommands (zo <command> --help, or zo help <command>, for details):%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success.",
      "1:The gateway refused or failed the request, or a service is DOWN.",
      "2:Usage error.",
      "3:The gateway cannot be reached.",
      "130:Interrupted (Ctrl-C)."
    },
    footer = {"%nbin/zo also has: up, down, infra up|down, logs <service> [-f]; see bin/zo help."})
public final class ZoCli {
  @Mixin private GlobalOptions options;

  @Option(
      names = {"-V", "--version"},
      versionHelp = true,
      description = "Print the version and exit.")
  private boolean version;

  private final Settings settings;

  /** A {@code zo} reading its defaults from the process environment. */
  public ZoCli() {
    this(Settings.fromSystem());
  }

  /** A {@code zo} reading its defaults from {@code settings}. */
  public ZoCli(Settings settings) {
    this.settings = settings;
  }

  /** The command line as {@link #main} runs it: one-line failures, zo's exit codes. */
  public static CommandLine commandLine(Settings settings) {
    // no @file expansion: `zo skills run --input @file.json` reads the file itself
    CommandLine cli =
        new CommandLine(new ZoCli(settings))
            .setExecutionExceptionHandler(new FailureHandler())
            .setExpandAtFiles(false)
            .setUsageHelpAutoWidth(false)
            .setUsageHelpWidth(80);
    CommandGroups.install(cli);
    return cli;
  }

  public static void main(String[] args) {
    CommandLine cli = commandLine(Settings.fromSystem());
    cli.setOut(utf8(System.out));
    cli.setErr(utf8(System.err));
    int exitCode = cli.execute(args);
    cli.getOut().flush();
    cli.getErr().flush();
    System.exit(exitCode);
  }

  GlobalOptions options() {
    return options;
  }

  Settings settings() {
    return settings;
  }

  GatewayClient gateway() {
    return options.connect(settings);
  }

  // UTF-8 regardless of the locale, so names and the odd dash print the same in a bare container.
  private static PrintWriter utf8(OutputStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
