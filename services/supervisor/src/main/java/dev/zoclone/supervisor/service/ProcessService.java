package dev.zoclone.supervisor.service;

import dev.zoclone.contract.processes.CreateProcessRequest;
import dev.zoclone.contract.processes.ProcessRoute;
import dev.zoclone.contract.processes.UpdateProcessRequest;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.platform.quota.OwnerQuotas;
import dev.zoclone.supervisor.ProcessDefinition;
import dev.zoclone.supervisor.ProcessStatus;
import dev.zoclone.supervisor.config.SupervisorConfig;
import dev.zoclone.supervisor.repository.ProcessRepository;
import dev.zoclone.supervisor.repository.ProcessRepository.DuplicateNameException;
import dev.zoclone.supervisor.repository.ProcessRow;
import dev.zoclone.supervisor.runtime.LeftoverProcesses;
import dev.zoclone.supervisor.runtime.Ports;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The owner's requests on their processes: a process this replica runs is acted on at once; one
 * that runs elsewhere gets the request through the database, where its replica picks it up within a
 * lease interval; one nobody runs is taken over here.
 */
@ApplicationScoped
public class ProcessService {
  private final ProcessRepository processes;
  private final ProcessSupervisor supervisor;
  private final DefinitionValidator validator;
  private final SupervisorConfig config;
  private final OwnerQuotas quotas;
  private final long maxProcesses;

  public ProcessService(
      ProcessRepository processes,
      ProcessSupervisor supervisor,
      DefinitionValidator validator,
      SupervisorConfig config,
      OwnerQuotas quotas,
      @ConfigProperty(name = "zo.quota.processes") long maxProcesses) {
    this.processes = processes;
    this.supervisor = supervisor;
    this.validator = validator;
    this.config = config;
    this.quotas = quotas;
    this.maxProcesses = maxProcesses;
  }

  /** Defines a process and starts it on this replica. */
  public ProcessRow create(String owner, CreateProcessRequest request) {
    ProcessDefinition d = validator.create(owner, request);
    if (d.port() != null && !Ports.isFree(d.port())) {
      throw ProblemException.conflict("port-in-use", "port " + d.port() + " is in use");
    }
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                quotas.requireRoom(
                    "processes", owner, maxProcesses, () -> processes.countOwned(owner));
                processes.insert(
                    d, supervisor.replicaId(), config.advertiseHost(), config.leaseTtl());
              });
    } catch (DuplicateNameException e) {
      throw ProblemException.conflict(
          "process-exists", "a process named " + d.name() + " already exists");
    }
    ProcessRunner runner = supervisor.adopt(d.id(), 1);
    runner.start();
    return get(owner, d.name());
  }

  /** The owner's process. */
  public ProcessRow get(String owner, String name) {
    return processes
        .find(owner, name)
        .orElseThrow(() -> ProblemException.notFound("process " + name));
  }

  /** The owner's processes by name. */
  public List<ProcessRow> list(String owner) {
    return processes.list(owner);
  }

  /** Changes the definition; it applies on the next start. */
  public ProcessRow update(String owner, String name, UpdateProcessRequest request) {
    ProcessRow row = get(owner, name);
    processes.updateDefinition(validator.update(row.definition(), request));
    return get(owner, name);
  }

  /** Starts a process that is not running; a running one is left alone. */
  public ProcessRow start(String owner, String name) {
    ProcessRow row = get(owner, name);
    if (row.status().live() && row.wantsRunning()) {
      return row;
    }
    return run(owner, row, false);
  }

  /** Stops the process and starts it again. */
  public ProcessRow restart(String owner, String name) {
    return run(owner, get(owner, name), true);
  }

  private ProcessRow run(String owner, ProcessRow row, boolean restart) {
    String id = row.definition().id();
    processes.request(id, true, true);
    Optional<ProcessRunner> runner = runnerFor(row);
    // Whoever takes the request first acts on it: this call, or this replica's lease round.
    if (runner.isPresent() && runner.get().takeRunRequest(row.runRequests() + 1)) {
      if (restart) {
        runner.get().restart();
      } else {
        runner.get().start();
      }
    }
    return get(owner, row.definition().name());
  }

  /** Stops the process (SIGTERM to its tree, SIGKILL after the grace period). */
  public ProcessRow stop(String owner, String name) {
    ProcessRow row = get(owner, name);
    processes.request(row.definition().id(), false, false);
    supervisor.local(row.definition().id()).ifPresent(ProcessRunner::stop);
    return get(owner, name);
  }

  /** Stops the process and forgets it. */
  public void delete(String owner, String name) {
    ProcessRow row = get(owner, name);
    String id = row.definition().id();
    Optional<ProcessRunner> runner = supervisor.local(id);
    if (runner.isEmpty() && row.leaseLive() && !supervisor.replicaId().equals(row.replicaId())) {
      processes.markDeleted(id);
      return;
    }
    runner.ifPresent(ProcessRunner::stop);
    LeftoverProcesses.stopAll(id, Duration.ofMillis(row.definition().stopGraceMs()));
    processes.delete(id);
    supervisor.forget(id);
    ProcessFiles.delete(supervisor.processDir(id));
  }

  /** Where the gateway sends a public route's requests. */
  public ProcessRoute route(String owner, String name) {
    ProcessRow row = get(owner, name);
    boolean running = row.status() == ProcessStatus.RUNNING && row.boundPort() != null;
    return new ProcessRoute(
        row.status().name(),
        row.definition().visibility(),
        running ? row.replicaHost() : null,
        running ? row.boundPort() : null);
  }

  /** The folder of the owner's process's logs. */
  public Path logDir(String owner, String name) {
    return supervisor.logDir(get(owner, name).definition().id());
  }

  /** This replica's runner of the process, taking the process over when no replica holds it. */
  private Optional<ProcessRunner> runnerFor(ProcessRow row) {
    Optional<ProcessRunner> local = supervisor.local(row.definition().id());
    if (local.isPresent() || row.leaseLive()) {
      return local;
    }
    return supervisor.claim(row);
  }
}
