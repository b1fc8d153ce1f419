package dev.zoclone.supervisor.service;

import dev.zoclone.contract.processes.CreateProcessRequest;
import dev.zoclone.contract.processes.UpdateProcessRequest;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.supervisor.ProcessDefinition;
import dev.zoclone.supervisor.ProcessMode;
import dev.zoclone.supervisor.RestartPolicy;
import dev.zoclone.supervisor.config.SupervisorConfig;
import dev.zoclone.supervisor.runtime.Executables;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks a process definition and fills in its defaults; every refusal names its field. */
@ApplicationScoped
public class DefinitionValidator {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
  private static final Set<String> RESERVED = Set.of("PATH", "HOME", "PORT");
  private static final int MAX_ARGS = 256;

  private final SupervisorConfig.Defaults defaults;

  public DefinitionValidator(SupervisorConfig config) {
    this.defaults = config.defaults();
  }

  /** The definition a create request asks for. */
  public ProcessDefinition create(String owner, CreateProcessRequest r) {
    if (r == null) {
      throw ProblemException.badRequest("body", "is required");
    }
    if (r.name() == null || !NAME.matcher(r.name()).matches()) {
      throw ProblemException.badRequest(
          "name", "must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    ProcessDefinition d =
        new ProcessDefinition(
            UUID.randomUUID().toString(),
            owner,
            r.name(),
            r.command(),
            r.args() == null ? List.of() : r.args(),
            r.env() == null ? Map.of() : r.env(),
            r.workdir(),
            r.mode() == null ? ProcessMode.PROCESS : mode(r.mode()),
            r.port(),
            r.restart() == null ? RestartPolicy.ON_FAILURE : restart(r.restart()),
            orDefault(r.maxRestarts(), defaults.maxRestarts()),
            orDefault(r.startSeconds(), defaults.startSeconds()),
            orDefault(r.stopGraceMs(), defaults.stopGraceMs()),
            orDefault(r.backoffMs(), defaults.backoffMs()),
            r.visibility() == null ? "private" : visibility(r.visibility()));
    return check(d);
  }

  /** The definition after applying a change request. */
  public ProcessDefinition update(ProcessDefinition old, UpdateProcessRequest r) {
    if (r == null) {
      throw ProblemException.badRequest("body", "is required");
    }
    ProcessMode mode = r.mode() == null ? old.mode() : mode(r.mode());
    ProcessDefinition d =
        new ProcessDefinition(
            old.id(),
            old.owner(),
            old.name(),
            r.command() == null ? old.command() : r.command(),
            r.args() == null ? old.args() : r.args(),
            r.env() == null ? old.env() : r.env(),
            r.workdir() == null ? old.workdir() : r.workdir(),
            mode,
            r.port() == null ? (mode.servesPort() ? old.port() : null) : r.port(),
            r.restart() == null ? old.restart() : restart(r.restart()),
            orDefault(r.maxRestarts(), old.maxRestarts()),
            orDefault(r.startSeconds(), old.startSeconds()),
            orDefault(r.stopGraceMs(), old.stopGraceMs()),
            orDefault(r.backoffMs(), old.backoffMs()),
            r.visibility() == null ? old.visibility() : visibility(r.visibility()));
    return check(d);
  }

  private static ProcessDefinition check(ProcessDefinition d) {
    if (d.command() == null || d.command().isBlank()) {
      throw ProblemException.badRequest("command", "is required");
    }
    if (!Executables.inHome(d.command())) {
      Executables.systemProblem(d.command()).ifPresent(problem -> fail("command", problem));
    }
    if (d.args().size() > MAX_ARGS || d.args().stream().anyMatch(a -> a == null)) {
      fail("args", "must be at most " + MAX_ARGS + " strings");
    }
    for (Map.Entry<String, String> variable : d.env().entrySet()) {
      String key = variable.getKey();
      if (!VARIABLE.matcher(key).matches() || variable.getValue() == null) {
        fail("env", key + " is not a variable name with a string value");
      }
      if (RESERVED.contains(key)) {
        fail("env", key + " is set by the supervisor");
      }
    }
    if (d.workdir() != null) {
      Path workdir = Path.of(d.workdir()).normalize();
      if (d.workdir().isBlank() || workdir.isAbsolute() || workdir.startsWith("..")) {
        fail("workdir", "must be a relative path inside the process's home");
      }
    }
    if (d.port() != null) {
      if (!d.mode().servesPort()) {
        fail("port", "applies to the http and tcp modes only");
      }
      if (d.port() < 1024 || d.port() > 65535) {
        fail("port", "must be between 1024 and 65535");
      }
    }
    range("max_restarts", d.maxRestarts(), 0, 1000);
    range("start_seconds", d.startSeconds(), 0, 3600);
    range("stop_grace_ms", d.stopGraceMs(), 0, 600_000);
    range("backoff_ms", d.backoffMs(), 10, 600_000);
    return d;
  }

  private static ProcessMode mode(String value) {
    return ProcessMode.parse(value)
        .orElseThrow(() -> ProblemException.badRequest("mode", "must be process, http or tcp"));
  }

  private static RestartPolicy restart(String value) {
    return RestartPolicy.parse(value)
        .orElseThrow(
            () -> ProblemException.badRequest("restart", "must be always, on-failure or never"));
  }

  private static String visibility(String value) {
    if (!value.equals("private") && !value.equals("public")) {
      fail("visibility", "must be private or public");
    }
    return value;
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  private static void range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      fail(field, "must be between " + min + " and " + max);
    }
  }

  private static void fail(String field, String message) {
    throw ProblemException.badRequest(field, message);
  }
}
