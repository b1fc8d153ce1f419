package dev.zoclone.supervisor.service;

import dev.zoclone.supervisor.ProcessDefinition;
import dev.zoclone.supervisor.ProcessMode;
import dev.zoclone.supervisor.ProcessStatus;
import dev.zoclone.supervisor.RestartPolicy;
import dev.zoclone.supervisor.repository.ProcessReport;
import dev.zoclone.supervisor.runtime.LeftoverProcesses;
import dev.zoclone.supervisor.runtime.LogPump;
import dev.zoclone.supervisor.runtime.LogWriter;
import dev.zoclone.supervisor.runtime.Ports;
import dev.zoclone.supervisor.runtime.ProcessTree;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Runs one process on this replica under supervisord's rules: STARTING until it has lived {@code
 * start_seconds} (or its port answers), a death before that is a failed start followed by BACKOFF
 * with a doubling delay, FATAL once {@code max_restarts} retries in a row failed; after a stable
 * run the restart policy decides. Every change is reported under the replica's fencing token.
 */
final class ProcessRunner {
  private final String id;
  private final RunnerContext context;
  private final LogWriter logs;
  private long token;
  private long seenRunRequests;

  private ProcessDefinition definition;
  private ProcessStatus status = ProcessStatus.STOPPED;
  private String reason;
  private Process process;
  private Integer port;
  private int restarts;
  private Integer exitCode;
  private Instant startedAt;
  private int failedStarts;
  private boolean stopping;
  private boolean abandoned;

  /** Bumped by every start and stop, so that timers of an earlier run do nothing. */
  private long epoch;

  ProcessRunner(String id, long token, RunnerContext context, int restarts, Integer port)
      throws IOException {
    this.id = id;
    this.token = token;
    this.context = context;
    this.restarts = restarts;
    this.port = port;
    Files.createDirectories(context.home(id));
    this.logs =
        new LogWriter(
            context.logs(id),
            context.config().logs().maxFileBytes(),
            context.config().logs().maxFiles());
  }

  String id() {
    return id;
  }

  synchronized long token() {
    return token;
  }

  /** Takes a start or restart request the first time it is seen; false when already taken. */
  synchronized boolean takeRunRequest(long runRequests) {
    if (runRequests <= seenRunRequests) {
      return false;
    }
    seenRunRequests = runRequests;
    return true;
  }

  /** Whether the process runs or is about to (STARTING, RUNNING, BACKOFF). */
  synchronized boolean active() {
    return !abandoned && (process != null || status.live());
  }

  /** Starts the process unless it is active; a fresh start with a clean failure count. */
  synchronized void start() {
    if (abandoned || process != null || status == ProcessStatus.BACKOFF) {
      return;
    }
    failedStarts = 0;
    launch();
  }

  /** Starts a process taken over from a replica that went away (or a previous run). */
  synchronized void restore() {
    if (definition().restart() == RestartPolicy.NEVER) {
      LeftoverProcesses.stopAll(id, Duration.ofMillis(definition.stopGraceMs()));
      status = ProcessStatus.EXITED;
      reason = "the supervisor running it went away; restart policy never";
      report();
      return;
    }
    restarts++;
    start();
  }

  /** Stops the process tree (SIGTERM, SIGKILL after the grace period) and records STOPPED. */
  void stop() {
    Process running;
    synchronized (this) {
      if (abandoned) {
        return;
      }
      epoch++;
      stopping = true;
      running = process;
    }
    if (running != null) {
      ProcessTree.terminate(running.toHandle(), Duration.ofMillis(definition.stopGraceMs()));
    }
    synchronized (this) {
      stopping = false;
      if (running != null && running == process) {
        exitCode = exitCodeOf(running);
        process = null;
      }
      status = ProcessStatus.STOPPED;
      reason = null;
      report();
    }
  }

  /** Stops and starts again. */
  void restart() {
    stop();
    start();
  }

  /** Stops the local copy without reporting: the lease went to another replica, or we shut down. */
  void abandon() {
    Process running;
    synchronized (this) {
      abandoned = true;
      epoch++;
      running = process;
      process = null;
    }
    if (running != null) {
      ProcessTree.terminate(running.toHandle(), Duration.ofMillis(definition.stopGraceMs()));
    }
    closeLogs();
  }

  void closeLogs() {
    try {
      logs.close();
    } catch (IOException e) {
      Log.warnf("cannot close the logs of process %s: %s", id, e.getMessage());
    }
  }

  private ProcessDefinition definition() {
    definition = context.processes().findById(id).map(row -> row.definition()).orElse(definition);
    return definition;
  }

  private void launch() {
    long run = ++epoch;
    ProcessDefinition d = definition();
    status = ProcessStatus.STARTING;
    reason = null;
    LeftoverProcesses.stopAll(id, Duration.ofMillis(d.stopGraceMs()));
    LaunchPlan.Outcome plan = LaunchPlan.of(d, context.home(id), port);
    if (plan.problem() != null) {
      fatal(plan.problem());
      return;
    }
    port = plan.port();
    if (!context.launcher().status().available()) {
      fatal("cannot sandbox processes here: " + context.launcher().status().reason());
      return;
    }
    Process started;
    try {
      started = context.launcher().start(plan.launch());
    } catch (IOException e) {
      fatal("cannot start " + d.command() + ": " + e.getMessage());
      return;
    }
    process = started;
    startedAt = Instant.now();
    new LogPump(started.getInputStream(), LogWriter.STDOUT, logs, maxLine()).start(d.name());
    new LogPump(started.getErrorStream(), LogWriter.STDERR, logs, maxLine()).start(d.name());
    started.onExit().thenAccept(this::exited);
    context
        .timers()
        .schedule(() -> stable(started, run), d.startSeconds() * 1000L, TimeUnit.MILLISECONDS);
    if (d.mode().servesPort()) {
      context.timers().schedule(() -> probe(started, run), 0, TimeUnit.MILLISECONDS);
    }
    Log.infof("started process %s (%s) pid %d", d.name(), id, started.pid());
    report();
  }

  private int maxLine() {
    return context.config().logs().maxLineBytes();
  }

  private synchronized void stable(Process started, long run) {
    if (run != epoch || started != process) {
      return;
    }
    failedStarts = 0;
    if (!definition.mode().servesPort() && status == ProcessStatus.STARTING) {
      status = ProcessStatus.RUNNING;
      report();
    }
  }

  private void probe(Process started, long run) {
    synchronized (this) {
      if (run != epoch || started != process || status != ProcessStatus.STARTING) {
        return;
      }
    }
    boolean ready = Ports.accepts(port, definition.mode() == ProcessMode.HTTP);
    synchronized (this) {
      if (run != epoch || started != process || status != ProcessStatus.STARTING) {
        return;
      }
      if (ready) {
        status = ProcessStatus.RUNNING;
        report();
        return;
      }
    }
    context
        .timers()
        .schedule(
            () -> probe(started, run),
            context.config().probeInterval().toMillis(),
            TimeUnit.MILLISECONDS);
  }

  private synchronized void exited(Process exited) {
    if (exited != process || stopping || abandoned) {
      return;
    }
    process = null;
    int code = exitCodeOf(exited);
    exitCode = code;
    ProcessDefinition d = definition;
    boolean failedStart =
        Duration.between(startedAt, Instant.now()).toMillis() < d.startSeconds() * 1000L;
    if (!d.restart().restartsAfter(code)) {
      status = ProcessStatus.EXITED;
      reason = "exited with code " + code;
      report();
      return;
    }
    if (!failedStart) {
      failedStarts = 0;
      restarts++;
      launch();
      return;
    }
    failedStarts++;
    if (failedStarts > d.maxRestarts()) {
      fatal(
          "exited with code "
              + code
              + " within start_seconds of starting, "
              + failedStarts
              + " times in a row");
      return;
    }
    long delay =
        Math.min(
            (long) d.backoffMs() << Math.min(failedStarts - 1, 30),
            context.config().maxBackoff().toMillis());
    long run = ++epoch;
    status = ProcessStatus.BACKOFF;
    reason = "exited with code " + code + " within start_seconds; retry in " + delay + " ms";
    report();
    context.timers().schedule(() -> retry(run), delay, TimeUnit.MILLISECONDS);
  }

  private synchronized void retry(long run) {
    if (run != epoch || abandoned || status != ProcessStatus.BACKOFF) {
      return;
    }
    restarts++;
    launch();
  }

  private void fatal(String why) {
    status = ProcessStatus.FATAL;
    reason = why;
    process = null;
    Log.infof("process %s is FATAL: %s", id, why);
    report();
  }

  private static int exitCodeOf(Process exited) {
    try {
      return exited.exitValue();
    } catch (IllegalThreadStateException e) {
      return -1;
    }
  }

  private void report() {
    Long pid = process == null ? null : process.pid();
    ProcessReport observed =
        new ProcessReport(status, reason, pid, port, restarts, exitCode, startedAt);
    if (!context.leases().report(id, context.replicaId(), token, observed)) {
      Log.warnf("lost the lease on process %s; stopping its local copy", id);
      context.timers().execute(this::abandon);
    }
  }
}
