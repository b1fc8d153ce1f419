package dev.zoclone.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker-compose itself validates docker-compose.yml against its schema (no engine needed). */
class DockerComposeConfigTest {

  @Test
  void composeFileIsValid() {
    Path root = DeployFiles.repoRoot();
    DeployFiles.Result result =
        DeployFiles.run(root, "docker-compose", "-f", "docker-compose.yml", "config", "-q");

    assertThat(result.exitCode()).as(result.describe()).isZero();
    // Warnings are how docker-compose reports e.g. a variable that is used but never set.
    assertThat(result.stderr()).as(result.describe()).doesNotContainIgnoringCase("warning");
  }

  @Test
  void theCheckFailsOnAnUnknownKey(@TempDir Path tmp) throws Exception {
    Path root = DeployFiles.repoRoot();
    String original = Files.readString(root.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
    assertThat(original).contains("\n  gateway:\n");

    // The copies live elsewhere, so relative build contexts are resolved from the repo root.
    Path same = tmp.resolve("same.yml");
    Files.writeString(same, original, StandardCharsets.UTF_8);
    Path typo = tmp.resolve("typo.yml");
    Files.writeString(
        typo,
        original.replace("\n  gateway:\n", "\n  gateway:\n    restartt: always\n"),
        StandardCharsets.UTF_8);

    DeployFiles.Result control = compose(root, same);
    DeployFiles.Result broken = compose(root, typo);

    assertThat(control.exitCode()).as("unchanged copy: %s", control.describe()).isZero();
    assertThat(broken.exitCode()).as("copy with a typo: %s", broken.describe()).isNotZero();
    assertThat(broken.stderr()).contains("restartt");
  }

  private static DeployFiles.Result compose(Path root, Path file) {
    return DeployFiles.run(
        root,
        "docker-compose",
        "-f",
        file.toString(),
        "--project-directory",
        root.toString(),
        "config",
        "-q");
  }
}
