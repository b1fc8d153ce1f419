package dev.zoclone.worker;

import dev.zoclone.contract.pool.LeasedJob;
import java.util.concurrent.Future;

/** A job this node is running: its lease, its process if any, and whether it was cancelled. */
final class RunningJob {
  private final LeasedJob job;
  private volatile Process process;
  private volatile Future<?> task;
  private volatile boolean cancelled;
  private volatile boolean byServer;

  RunningJob(LeasedJob job) {
    this.job = job;
  }

  LeasedJob job() {
    return job;
  }

  void attach(Process process) {
    this.process = process;
    if (cancelled) {
      ShellJobRunner.kill(process);
    }
  }

  void attach(Future<?> task) {
    this.task = task;
  }

  boolean cancelled() {
    return cancelled;
  }

  /** Whether the pool told the node to stop it (cancelled, timed out, reassigned). */
  boolean stoppedByServer() {
    return byServer;
  }

  /**
   * Stops the job: kills its process, interrupts an HTTP request; {@code fromServer} when the pool
   * asked, else the node is shutting down.
   */
  void cancel(boolean fromServer) {
    byServer = fromServer;
    cancelled = true;
    Process p = process;
    if (p != null) {
      ShellJobRunner.kill(p);
    } else if (task != null) {
      task.cancel(true);
    }
  }
}
