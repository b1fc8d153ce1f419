package dev.zoclone.supervisor.runtime;

import dev.zoclone.sandbox.Sandbox;
import dev.zoclone.sandbox.SandboxLimits;
import dev.zoclone.sandbox.SandboxSpec;
import dev.zoclone.sandbox.SandboxStatus;
import dev.zoclone.supervisor.config.SupervisorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a process's command in a bubblewrap sandbox (libs/sandbox): read-only system, its home
 * bound read-write at /work, private /tmp, the host's network (it serves), limits on memory,
 * processes and open files, and only PATH, LANG, HOME, PORT and the user's variables inside.
 */
@ApplicationScoped
public class SandboxLauncher {
  private final SandboxLimits limits;

  public SandboxLauncher(SupervisorConfig config) {
    this.limits =
        SandboxLimits.serviceDefaults()
            .withMemoryBytes(config.limits().memoryBytes())
            .withMaxProcesses(config.limits().maxProcesses())
            .withMaxOpenFiles(config.limits().maxOpenFiles());
  }

  /** Whether sandboxes can run here, and why not. */
  public SandboxStatus status() {
    return Sandbox.probe();
  }

  /** Starts {@code launch}; its stdout and stderr are pipes for the caller to drain. */
  public Process start(Launch launch) throws IOException {
    Sandbox.grantWrite(launch.home());
    List<String> command = new ArrayList<>();
    if (launch.workdir() != null) {
      command.add("/usr/bin/env");
      command.add("--chdir=" + Sandbox.WORKDIR + "/" + launch.workdir());
    }
    command.addAll(launch.command());
    // Not tied to this JVM: after a crash the next run finds the tree by its marker and stops it
    // before starting the process again (LeftoverProcesses).
    SandboxSpec spec =
        new SandboxSpec(launch.home(), command, launch.env(), true, limits, List.of(), false);
    ProcessBuilder builder = new ProcessBuilder(Sandbox.commandLine(spec));
    builder.directory(launch.home().toFile());
    // The sandbox's own (host-side) environment: the marker only; --clearenv keeps it outside.
    Map<String, String> env = builder.environment();
    env.clear();
    env.put(LeftoverProcesses.MARKER, launch.processId());
    return builder.start();
  }
}
