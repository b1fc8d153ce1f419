package dev.zoclone.cli.help;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Renders {@code zo --help}'s command list grouped by area, one line per command; a command no
 * group names (one added later) is listed under "Other".
 */
public final class CommandGroups implements IHelpSectionRenderer {
  private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put("Platform", List.of("status", "login", "completion", "help"));
    GROUPS.put("Identity", List.of("whoami", "users", "tokens"));
    GROUPS.put(
        "Models and agents",
        List.of("ask", "chat", "keys", "models", "settings", "personas", "usage", "agents"));
    GROUPS.put("Memory", List.of("memory", "recall", "conversations"));
    GROUPS.put("Compute pool", List.of("jobs", "nodes", "node"));
    GROUPS.put("Automations", List.of("schedule"));
    GROUPS.put("Processes", List.of("ps", "run", "start", "stop", "restart", "rm", "open"));
    GROUPS.put("Skills and browser", List.of("skills", "browse", "browser"));
    GROUPS.put("Tools and MCP", List.of("tools", "mcp"));
  }

  /** Puts this renderer in place of picocli's flat command list of {@code cli}. */
  public static void install(CommandLine cli) {
    cli.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandGroups());
  }

  @Override
  public String render(Help help) {
    Map<String, Help> commands = help.subcommands();
    if (commands.isEmpty()) {
      return "";
    }
    Set<String> listed = new LinkedHashSet<>();
    StringBuilder text = new StringBuilder();
    GROUPS.forEach(
        (group, names) -> {
          List<String> present = names.stream().filter(commands::containsKey).toList();
          listed.addAll(present);
          appendGroup(text, group, present, commands, help);
        });
    List<String> others = new ArrayList<>(commands.keySet());
    others.removeAll(listed);
    appendGroup(text, "Other", others, commands, help);
    return text.toString();
  }

  private static void appendGroup(
      StringBuilder text, String group, List<String> names, Map<String, Help> commands, Help help) {
    if (names.isEmpty()) {
      return;
    }
    int width = help.commandSpec().usageMessage().width();
    Help.TextTable table =
        Help.TextTable.forColumns(
            help.colorScheme(),
            new Help.Column(17, 2, Help.Column.Overflow.SPAN),
            new Help.Column(width - 17, 1, Help.Column.Overflow.WRAP));
    for (String name : names) {
      String[] description = commands.get(name).commandSpec().usageMessage().description();
      String first = description.length == 0 ? "" : String.format(description[0]);
      table.addRowValues(name, first);
    }
    text.append(String.format("%n%s:%n", group)).append(table);
  }
}
