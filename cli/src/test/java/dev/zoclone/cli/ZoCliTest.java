package dev.zoclone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.Zo.Run;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZoCliTest {
  @TempDir Path home;

  @Test
  void helpListsTheCommandsAndTheGlobalOptionsWithTheirVariables() {
    Run run = Zo.run(Map.of(), home, "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("status", "whoami", "users", "tokens")
        .contains("--url=URL", "ZO_URL", "http://127.0.0.1:8080")
        .contains("--token=TOKEN", "ZO_TOKEN", "$ZO_HOME/admin-token")
        .contains("--json")
        .contains("3     The gateway cannot be reached.")
        .contains("130   Interrupted (Ctrl-C).");
  }

  @Test
  void helpWorksOnNestedCommandsWithoutAToken() {
    Run run = Zo.run(Map.of(), home, "tokens", "create", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: zo tokens create").contains("--name=NAME");
  }

  @Test
  void versionNamesTheBuild() {
    Run run = Zo.run(Map.of(), home, "--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("zo 0.1.0-SNAPSHOT\n");
  }

  @Test
  void unknownCommandIsAUsageError() {
    Run run = Zo.run(Map.of(), home, "frobnicate");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unmatched argument at index 0: 'frobnicate'");
  }

  @Test
  void commandGroupWithoutASubcommandIsAUsageError() {
    Run run = Zo.run(Map.of(), home, "users");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required subcommand").contains("create");
  }

  @Test
  void completionPrintsABashScriptOfEveryCommand() {
    Run bash = Zo.run(Map.of(), home, "completion", "bash");
    Run zsh = Zo.run(Map.of(), home, "completion", "zsh");

    assertThat(bash.exitCode()).isZero();
    assertThat(bash.out())
        .contains("complete -F _complete_zo")
        .contains("settings")
        .contains("spawn-all");
    assertThat(zsh.out()).startsWith("autoload -U +X compinit").contains("_complete_zo");
    assertThat(Zo.run(Map.of(), home, "completion", "fish").exitCode()).isEqualTo(2);
  }
}
