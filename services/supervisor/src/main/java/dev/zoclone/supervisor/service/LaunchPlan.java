package dev.zoclone.supervisor.service;

import dev.zoclone.supervisor.ProcessDefinition;
import dev.zoclone.supervisor.runtime.Executables;
import dev.zoclone.supervisor.runtime.Launch;
import dev.zoclone.supervisor.runtime.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a definition into a {@link Launch} at start time, or says why it cannot start (a missing
 * working directory or executable, a busy port): the reason a process ends FATAL with.
 */
final class LaunchPlan {
  private LaunchPlan() {}

  /** The launch, or the reason it is impossible. */
  record Outcome(Launch launch, Integer port, String problem) {}

  static Outcome of(ProcessDefinition d, Path home, Integer previousPort) {
    Path startDir = d.workdir() == null ? home : home.resolve(d.workdir()).normalize();
    if (!Files.isDirectory(startDir)) {
      return failure("workdir " + d.workdir() + " does not exist in the process's home");
    }
    String problem =
        (Executables.inHome(d.command())
                ? Executables.homeProblem(startDir, d.command())
                : Executables.systemProblem(d.command()))
            .orElse(null);
    if (problem != null) {
      return failure(problem);
    }
    Integer port = null;
    if (d.mode().servesPort()) {
      if (d.port() != null) {
        if (!Ports.isFree(d.port())) {
          return failure("port " + d.port() + " is in use");
        }
        port = d.port();
      } else {
        port = previousPort != null && Ports.isFree(previousPort) ? previousPort : Ports.free();
      }
    }
    Map<String, String> env = new HashMap<>(d.env());
    if (port != null) {
      env.put("PORT", Integer.toString(port));
    }
    List<String> command = new ArrayList<>();
    command.add(d.command());
    command.addAll(d.args());
    return new Outcome(new Launch(d.id(), home, d.workdir(), command, env), port, null);
  }

  private static Outcome failure(String problem) {
    return new Outcome(null, null, problem);
  }
}
