package dev.zoclone.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged CLI ({@code cli/target/zo.jar}) against a local platform as one user. */
public final class ZoJar {
  /** How one run of the CLI ended. */
  public record Result(int exitCode, String out, String err) {}

  private final LocalPlatform platform;
  private final String token;

  public ZoJar(LocalPlatform platform, String token) {
    this.platform = platform;
    this.token = token;
  }

  /** Runs {@code zo --url <gateway> --token <token> args...} and waits for it to end. */
  public Result run(String... args) throws Exception {
    Path jar = platform.repoRoot().resolve("cli/target/zo.jar");
    assertThat(jar).as("the CLI is packaged before the e2e module runs").isRegularFile();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of("-jar", jar.toString(), "--url", platform.gatewayUrl(), "--token", token));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("zo-e2e-out", ".txt");
    Path err = Files.createTempFile("zo-e2e-err", ".txt");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().put("ZO_HOME", platform.home().toString());
      Process process = builder.start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("zo " + String.join(" ", args) + " did not finish");
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
