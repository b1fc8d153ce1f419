package dev.zoclone.cli.help;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.Settings;
import dev.zoclone.cli.ZoCli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.OptionSpec;

/** Every command's {@code --help} fits an 80-column terminal without a rewrapped or cut line. */
class HelpRenderingTest {
  static Stream<CommandLine> everyCommand() {
    List<CommandLine> all = new ArrayList<>();
    collect(ZoCli.commandLine(new Settings(Map.of(), Path.of("/nonexistent"))), all);
    return all.stream();
  }

  private static void collect(CommandLine command, List<CommandLine> into) {
    into.add(command);
    command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommand")
  void helpFitsEightyColumnsWithEveryDeclaredLineWhole(CommandLine command) {
    String help = command.getUsageMessage(Ansi.OFF);
    List<String> lines = help.lines().toList();
    String name = command.getCommandSpec().qualifiedName();

    assertThat(lines).as("lines of %s", name).allSatisfy(l -> assertThat(l).hasSizeLessThan(81));
    Set<String> rendered = lines.stream().map(String::strip).collect(Collectors.toSet());
    List<String> declared = new ArrayList<>();
    declared.addAll(Arrays.asList(command.getCommandSpec().usageMessage().description()));
    declared.addAll(Arrays.asList(command.getCommandSpec().usageMessage().footer()));
    for (String line : declared) {
      for (String part : String.format(line).split("\\R")) {
        if (!part.isBlank()) {
          assertThat(rendered).as("%s renders this line whole", name).contains(part.strip());
        }
      }
    }
    Set<String> words = new HashSet<>(Arrays.asList(help.split("\\s+")));
    for (OptionSpec option : command.getCommandSpec().options()) {
      for (String line : option.description()) {
        String text = line.replace("${DEFAULT-VALUE}", String.valueOf(option.defaultValue()));
        for (String word : text.split("\\s+")) {
          if (!word.isEmpty() && !word.contains("${")) {
            assertThat(words)
                .as("%s %s keeps '%s' whole", name, option.longestName(), word)
                .contains(String.format(word));
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommand")
  void summaryLineIsOneShortSentence(CommandLine command) {
    String[] description = command.getCommandSpec().usageMessage().description();

    assertThat(description).as("%s has a one-line summary", command.getCommandName()).isNotEmpty();
    assertThat(description[0].strip())
        .as("summary of %s", command.getCommandSpec().qualifiedName())
        .endsWith(".")
        .hasSizeLessThan(63);
  }

  @Test
  void rootHelpListsEveryCommandUnderAnArea() {
    CommandLine zo = ZoCli.commandLine(new Settings(Map.of(), Path.of("/nonexistent")));
    String help = zo.getUsageMessage(Ansi.OFF);

    assertThat(help)
        .contains("Identity:", "Models and agents:", "Memory:", "Compute pool:", "Automations:")
        .contains("Processes:", "Skills and browser:", "Platform:");
    for (String command : zo.getSubcommands().keySet()) {
      assertThat(help).containsPattern("(?m)^  " + command + " +\\S");
    }
  }
}
