package dev.zoclone.supervisor.runtime;

import dev.zoclone.supervisor.config.SupervisorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a process's command; the one place that knows how processes are confined. */
@ApplicationScoped
public class SandboxLauncher {
  private final SupervisorConfig config;

  public SandboxLauncher(SupervisorConfig config) {
    this.config = config;
  }

  /** Starts {@code launch}; its stdout and stderr are pipes for the caller to drain. */
  public Process start(Launch launch) throws IOException {
    List<String> argv = new ArrayList<>(launch.command());
    ProcessBuilder builder = new ProcessBuilder(argv);
    builder.directory(
        (launch.workdir() == null ? launch.home() : launch.home().resolve(launch.workdir()))
            .toFile());
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("LANG", "C.UTF-8");
    env.put("HOME", launch.home().toString());
    env.putAll(launch.env());
    env.put(LeftoverProcesses.MARKER, launch.processId());
    return builder.start();
  }
}
