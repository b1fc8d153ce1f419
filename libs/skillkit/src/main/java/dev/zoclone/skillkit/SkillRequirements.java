package dev.zoclone.skillkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a skill's machine-readable {@code metadata.requires} (space-separated programs, each with
 * an optional minimum version: {@code "python3>=3.10 node"}) against the programs the sandbox can
 * run ({@code /usr/local/bin}, {@code /usr/bin}, {@code /bin}). Results are cached per program.
 */
public final class SkillRequirements {
  private static final Pattern REQUIREMENT =
      Pattern.compile("([A-Za-z0-9][A-Za-z0-9._+-]*)(?:>=([0-9]+(?:\\.[0-9]+)*))?");
  private static final Pattern VERSION = Pattern.compile("([0-9]+(?:\\.[0-9]+)+)");
  private static final List<String> BIN_DIRS = List.of("/usr/local/bin", "/usr/bin", "/bin");
  private static final Map<String, Optional<String>> VERSIONS = new ConcurrentHashMap<>();

  private SkillRequirements() {}

  /** Problems with the syntax of a {@code requires} value (field {@code metadata.requires}). */
  public static List<SkillProblem> syntaxProblems(String requires) {
    List<SkillProblem> problems = new ArrayList<>();
    for (String token : requires.trim().split("\\s+")) {
      if (!token.isEmpty() && !REQUIREMENT.matcher(token).matches()) {
        problems.add(
            new SkillProblem(
                "metadata.requires",
                "'" + token + "' is not a program name with an optional '>=version'"));
      }
    }
    return problems;
  }

  /** Why the requirements are not met on this host, or empty when they all are. */
  public static Optional<String> missing(String requires) {
    if (requires == null || requires.isBlank()) {
      return Optional.empty();
    }
    List<String> reasons = new ArrayList<>();
    for (String token : requires.trim().split("\\s+")) {
      Matcher matcher = REQUIREMENT.matcher(token);
      if (!matcher.matches()) {
        reasons.add("'" + token + "' is not a valid requirement");
        continue;
      }
      String program = matcher.group(1);
      String minimum = matcher.group(2);
      Optional<Path> executable = find(program);
      if (executable.isEmpty()) {
        reasons.add(program + " is not installed");
        continue;
      }
      if (minimum != null) {
        Optional<String> version =
            VERSIONS.computeIfAbsent(executable.get().toString(), SkillRequirements::versionOf);
        if (version.isEmpty()) {
          reasons.add("the version of " + program + " cannot be read");
        } else if (compare(version.get(), minimum) < 0) {
          reasons.add(program + " " + version.get() + " is older than " + minimum);
        }
      }
    }
    return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
  }

  /** Compares dotted versions numerically ({@code 3.10 > 3.9}). */
  static int compare(String left, String right) {
    String[] a = left.split("\\.");
    String[] b = right.split("\\.");
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      long x = i < a.length ? Long.parseLong(a[i]) : 0;
      long y = i < b.length ? Long.parseLong(b[i]) : 0;
      if (x != y) {
        return Long.compare(x, y);
      }
    }
    return 0;
  }

  private static Optional<Path> find(String program) {
    return BIN_DIRS.stream()
        .map(dir -> Path.of(dir, program))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static Optional<String> versionOf(String executable) {
    try {
      Process process =
          new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readNBytes(4096);
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      Matcher matcher = VERSION.matcher(new String(out, StandardCharsets.UTF_8));
      return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
