package dev.zoclone.supervisor.service;

import dev.zoclone.supervisor.config.SupervisorConfig;
import dev.zoclone.supervisor.repository.HeldLease;
import dev.zoclone.supervisor.repository.LeaseRepository;
import dev.zoclone.supervisor.repository.ProcessRepository;
import dev.zoclone.supervisor.repository.ProcessRow;
import dev.zoclone.supervisor.runtime.SandboxLauncher;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This replica's share of the processes: the runners of those it holds a lease on. Every lease
 * interval it renews its leases, applies what owners asked through other replicas, lets go of
 * processes whose lease it lost, and takes over processes whose replica went away.
 */
@ApplicationScoped
public class ProcessSupervisor {
  private final SupervisorConfig config;
  private final LeaseRepository leases;
  private final Map<String, ProcessRunner> runners = new ConcurrentHashMap<>();
  private final RunnerContext context;
  private final ScheduledExecutorService timers;

  public ProcessSupervisor(
      SupervisorConfig config,
      ProcessRepository processes,
      LeaseRepository leases,
      SandboxLauncher launcher) {
    this.config = config;
    this.leases = leases;
    this.timers = Executors.newScheduledThreadPool(4);
    String replicaId = config.replicaId().orElse(UUID.randomUUID().toString());
    this.context = new RunnerContext(replicaId, config, processes, leases, launcher, timers);
  }

  void begin(@Observes StartupEvent event) throws IOException {
    Files.createDirectories(config.dataDir());
    long interval = config.leaseInterval().toMillis();
    timers.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.MILLISECONDS);
    Log.infof("supervisor replica %s at %s", context.replicaId(), config.advertiseHost());
  }

  void end(@Observes ShutdownEvent event) {
    timers.shutdown();
    // Stopped in parallel, without a report: they are still wanted, and whoever takes the
    // released leases (this service after a restart, or another replica) starts them again.
    runners.values().parallelStream().forEach(ProcessRunner::abandon);
    runners.clear();
    leases.releaseAll(context.replicaId());
  }

  /** This replica's id. */
  public String replicaId() {
    return context.replicaId();
  }

  /** The local runner of a process, when this replica runs it. */
  Optional<ProcessRunner> local(String id) {
    return Optional.ofNullable(runners.get(id));
  }

  /** Starts supervising a process this replica just inserted under fencing token 1. */
  ProcessRunner adopt(String id, long token) {
    return runners.computeIfAbsent(id, key -> newRunner(key, token, 0, null));
  }

  /** Takes a process whose lease is free; empty when another replica holds it. */
  Optional<ProcessRunner> claim(ProcessRow row) {
    String id = row.definition().id();
    OptionalLong token = leases.claim(id, context.replicaId(), config.advertiseHost(), ttl());
    if (token.isEmpty()) {
      return Optional.empty();
    }
    ProcessRunner previous = runners.remove(id);
    if (previous != null) {
      previous.closeLogs();
    }
    ProcessRunner runner = newRunner(id, token.getAsLong(), row.restarts(), row.boundPort());
    runner.takeRunRequest(row.runRequests());
    runners.put(id, runner);
    return Optional.of(runner);
  }

  /** Forgets a process that was deleted. */
  void forget(String id) {
    ProcessRunner runner = runners.remove(id);
    if (runner != null) {
      runner.closeLogs();
    }
  }

  private ProcessRunner newRunner(String id, long token, int restarts, Integer port) {
    try {
      return new ProcessRunner(id, token, context, restarts, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Duration ttl() {
    return config.leaseTtl();
  }

  private void tick() {
    try {
      reconcile(leases.renew(context.replicaId(), ttl()));
      for (String id : leases.orphans()) {
        context.processes().findById(id).flatMap(this::claim).ifPresent(this::restoreLater);
      }
    } catch (RuntimeException e) {
      Log.warnf("supervisor lease round failed: %s", e.getMessage());
    }
  }

  private void restoreLater(ProcessRunner runner) {
    Log.infof("taking over process %s", runner.id());
    timers.execute(runner::restore);
  }

  private void reconcile(List<HeldLease> held) {
    Map<String, HeldLease> byId = new HashMap<>();
    held.forEach(lease -> byId.put(lease.id(), lease));
    List<HeldLease> unknown =
        held.stream().filter(lease -> !runners.containsKey(lease.id())).toList();
    for (ProcessRunner runner : List.copyOf(runners.values())) {
      HeldLease lease = byId.get(runner.id());
      if (lease == null || lease.fencingToken() != runner.token()) {
        Log.warnf("process %s is no longer this replica's; stopping its local copy", runner.id());
        runners.remove(runner.id(), runner);
        timers.execute(runner::abandon);
      } else if (lease.deleted()) {
        runners.remove(runner.id(), runner);
        timers.execute(() -> removeDeleted(runner, lease));
      } else if (lease.wantsRunning() && runner.takeRunRequest(lease.runRequests())) {
        timers.execute(() -> startOrRestart(runner));
      } else if (!lease.wantsRunning() && runner.active()) {
        timers.execute(runner::stop);
      }
    }
    for (HeldLease lease : unknown) {
      if (!lease.deleted()) {
        // Held under this replica's configured id by its previous run.
        context.processes().findById(lease.id()).ifPresent(this::resume);
      }
    }
  }

  private void resume(ProcessRow row) {
    Optional<ProcessRunner> runner = claim(row);
    if (runner.isPresent() && row.wantsRunning() && row.status().live()) {
      restoreLater(runner.get());
    }
  }

  private static void startOrRestart(ProcessRunner runner) {
    if (runner.active()) {
      runner.restart();
    } else {
      runner.start();
    }
  }

  private void removeDeleted(ProcessRunner runner, HeldLease lease) {
    runner.stop();
    runner.closeLogs();
    leases.deleteHeld(lease.id(), context.replicaId(), lease.fencingToken());
    ProcessFiles.delete(context.processDir(lease.id()));
  }

  /** The folder of a process's home and logs. */
  Path processDir(String id) {
    return context.processDir(id);
  }

  /** The folder of a process's logs. */
  public Path logDir(String id) {
    return context.logs(id);
  }
}
