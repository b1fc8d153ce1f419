package dev.zoclone.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged CLI ({@code cli/target/zo.jar}, or {@code bin/zo}) as a user would, with only
 * the environment a test gives it, and captures what it printed.
 */
final class ZoRun {
  /** A finished run. */
  record Result(int exitCode, String out, String err) {}

  private ZoRun() {}

  /** {@code java -jar zo.jar args...} with {@code env} (ZO_URL, ZO_TOKEN, ZO_HOME...) only. */
  static Result jar(Path repoRoot, Map<String, String> env, String... args) throws Exception {
    Path jar = repoRoot.resolve("cli/target/zo.jar");
    assertThat(jar).as("the CLI is packaged before the e2e module runs").isRegularFile();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    return run(command, env);
  }

  /** {@code bin/zo args...}, for what the shell wrapper itself answers. */
  static Result binZo(Path repoRoot, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(repoRoot.resolve("bin/zo").toString());
    command.addAll(List.of(args));
    return run(command, env);
  }

  private static Result run(List<String> command, Map<String, String> env) throws Exception {
    Path out = Files.createTempFile("zo-cli-out", ".txt");
    Path err = Files.createTempFile("zo-cli-err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Map<String, String> environment = builder.environment();
    String path = environment.get("PATH");
    String javaHome = System.getProperty("java.home");
    environment.clear();
    environment.put("PATH", Path.of(javaHome, "bin") + ":" + path);
    environment.put("JAVA_HOME", javaHome);
    environment.put("HOME", System.getProperty("user.home"));
    environment.putAll(env);
    Process process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish");
    }
    Result result =
        new Result(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return result;
  }
}
