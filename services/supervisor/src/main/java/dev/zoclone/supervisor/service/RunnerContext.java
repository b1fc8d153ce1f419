package dev.zoclone.supervisor.service;

import dev.zoclone.supervisor.config.SupervisorConfig;
import dev.zoclone.supervisor.repository.LeaseRepository;
import dev.zoclone.supervisor.repository.ProcessRepository;
import dev.zoclone.supervisor.runtime.SandboxLauncher;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;

/** What every {@link ProcessRunner} of this replica shares. */
record RunnerContext(
    String replicaId,
    SupervisorConfig config,
    ProcessRepository processes,
    LeaseRepository leases,
    SandboxLauncher launcher,
    ScheduledExecutorService timers) {

  /** The folder holding a process's home and logs. */
  Path processDir(String processId) {
    return config.dataDir().resolve(processId);
  }

  Path home(String processId) {
    return processDir(processId).resolve("home");
  }

  Path logs(String processId) {
    return processDir(processId).resolve("logs");
  }
}
