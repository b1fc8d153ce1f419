package dev.zoclone.supervisor.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where a command is found, the way the sandbox's shell would look for it. */
public final class Executables {
  /** The PATH inside the sandbox. */
  public static final List<Path> PATH =
      List.of(Path.of("/usr/local/bin"), Path.of("/usr/bin"), Path.of("/bin"));

  private Executables() {}

  /** Whether the command names a file inside the process's home (a relative path with a '/'). */
  public static boolean inHome(String command) {
    return command.contains("/") && !command.startsWith("/");
  }

  /**
   * Why the system command cannot run, or empty when it can: a bare name must be on the PATH, an
   * absolute path must be an executable file of the read-only system.
   */
  public static Optional<String> systemProblem(String command) {
    if (command.startsWith("/")) {
      Path path = Path.of(command);
      return Files.isRegularFile(path) && Files.isExecutable(path)
          ? Optional.empty()
          : Optional.of("no executable file " + command);
    }
    for (Path dir : PATH) {
      Path candidate = dir.resolve(command);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.empty();
      }
    }
    return Optional.of("no executable named " + command + " on PATH /usr/local/bin:/usr/bin:/bin");
  }

  /** Why the command in the home cannot run, or empty when it can. */
  public static Optional<String> homeProblem(Path startDir, String command) {
    Path path = startDir.resolve(command).normalize();
    return Files.isRegularFile(path) && Files.isExecutable(path)
        ? Optional.empty()
        : Optional.of("no executable file " + command + " in the process's working directory");
  }
}
