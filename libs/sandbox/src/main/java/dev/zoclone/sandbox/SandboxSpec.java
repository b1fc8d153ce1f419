package dev.zoclone.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run in a sandbox and how it is confined.
 *
 * @param workdir host directory bound read-write at {@link Sandbox#WORKDIR}, the working directory
 *     and HOME inside; pass it through {@link Sandbox#grantWrite} first
 * @param command the argv as seen inside, e.g. {@code ["/usr/bin/python3", "scripts/x.py"]}
 * @param env variables besides PATH, LANG and HOME; nothing of the caller's environment is passed
 * @param network false: an own network namespace with no interfaces; true: the host's network
 * @param limits the resource limits
 * @param readOnlyBinds host paths bound read-only at the same path inside
 * @param dieWithParent true: the whole tree is killed when the JVM that started it dies
 */
public record SandboxSpec(
    Path workdir,
    List<String> command,
    Map<String, String> env,
    boolean network,
    SandboxLimits limits,
    List<Path> readOnlyBinds,
    boolean dieWithParent) {

  public SandboxSpec {
    Objects.requireNonNull(workdir, "workdir");
    Objects.requireNonNull(limits, "limits");
    if (command == null || command.isEmpty()) {
      throw new IllegalArgumentException("command must not be empty");
    }
    command = List.copyOf(command);
    env = env == null ? Map.of() : Map.copyOf(env);
    readOnlyBinds = readOnlyBinds == null ? List.of() : List.copyOf(readOnlyBinds);
    for (String name : env.keySet()) {
      if (name.isEmpty() || name.contains("=") || name.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("invalid environment variable name: " + name);
      }
    }
  }

  /** A sandbox without network that dies with the JVM: the shape of a script run. */
  public static SandboxSpec script(Path workdir, List<String> command, SandboxLimits limits) {
    return new SandboxSpec(workdir, command, Map.of(), false, limits, List.of(), true);
  }

  public SandboxSpec withEnv(Map<String, String> value) {
    return new SandboxSpec(workdir, command, value, network, limits, readOnlyBinds, dieWithParent);
  }

  public SandboxSpec withNetwork(boolean value) {
    return new SandboxSpec(workdir, command, env, value, limits, readOnlyBinds, dieWithParent);
  }

  public SandboxSpec withLimits(SandboxLimits value) {
    return new SandboxSpec(workdir, command, env, network, value, readOnlyBinds, dieWithParent);
  }

  public SandboxSpec withReadOnlyBinds(List<Path> value) {
    return new SandboxSpec(workdir, command, env, network, limits, value, dieWithParent);
  }
}
