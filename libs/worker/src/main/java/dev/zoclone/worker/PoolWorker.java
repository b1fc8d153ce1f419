package dev.zoclone.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.pool.HeartbeatResponse;
import dev.zoclone.contract.pool.JobCompletion;
import dev.zoclone.contract.pool.LeaseResponse;
import dev.zoclone.contract.pool.LeasedJob;
import dev.zoclone.contract.pool.RegisteredNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The {@code zo node} worker: registers, heartbeats, long-polls for as many jobs as it has free
 * slots, runs them, reports each result under its lease token, successes inside its next lease
 * where it can (one call both reports and leases). Outages are waited out with backoff; a result
 * that cannot be delivered is retried until the pool answers, and a stale lease's result is dropped
 * (the job was given to another node). {@link #shutdown} stops leasing, lets running jobs finish
 * within the grace period, then fails the rest as retryable.
 */
public final class PoolWorker {
  private static final long LONG_POLL_MS = 20_000;
  private static final long MAX_BACKOFF_MS = 15_000;
  // how long a stopping node keeps trying to deliver the results of the jobs it finished
  private static final Duration RESULT_DELIVERY_GRACE = Duration.ofSeconds(30);

  private final PoolApi pool;
  private final String name;
  private final Map<String, String> labels;
  private final int slots;
  private final JobRunners runners;
  private final PrintWriter log;
  private final Map<String, RunningJob> running = new ConcurrentHashMap<>();
  private final Semaphore freeSlots;
  private final ExecutorService jobThreads;
  private final ScheduledExecutorService heartbeats =
      Executors.newSingleThreadScheduledExecutor(daemon("zo-node-heartbeat"));
  private volatile boolean stopping;
  private volatile String nodeId;
  private volatile Thread leaseThread;
  private volatile String fatalError;
  private volatile CompletionReporter completions;

  /** A worker of shell and http jobs. */
  public PoolWorker(
      PoolApi pool, String name, Map<String, String> labels, int slots, PrintWriter log) {
    this(pool, name, labels, slots, JobRunners.local(), log);
  }

  /** A worker of the kinds {@code runners} runs; it registers offering exactly those. */
  public PoolWorker(
      PoolApi pool,
      String name,
      Map<String, String> labels,
      int slots,
      JobRunners runners,
      PrintWriter log) {
    this.pool = pool;
    this.name = name;
    this.labels = Map.copyOf(labels);
    this.slots = slots;
    this.runners = runners;
    this.log = log;
    this.freeSlots = new Semaphore(slots);
    this.jobThreads = Executors.newFixedThreadPool(slots, daemon("zo-node-job"));
  }

  /** The node's id once registered. */
  public String nodeId() {
    return nodeId;
  }

  /** How many jobs run now. */
  public int runningJobs() {
    return running.size();
  }

  /**
   * Why the worker gave up for good (the pool refused its token), or null while it runs or after a
   * normal shutdown.
   */
  public String fatalError() {
    return fatalError;
  }

  /**
   * Registers and leases until {@link #shutdown} is called or the pool refuses the token; returns
   * when leasing stopped.
   */
  public void run() throws InterruptedException {
    leaseThread = Thread.currentThread();
    RegisteredNode node =
        retrying("register", () -> pool.register(name, labels, slots, runners.kinds()));
    if (node == null) {
      return;
    }
    nodeId = node.nodeId();
    completions =
        new CompletionReporter(
            batch ->
                retrying(
                    "report " + batch.size() + " completed jobs",
                    () -> pool.completeAll(nodeId, batch)),
            this::say);
    say(
        "node "
            + name
            + " registered as "
            + nodeId
            + " with "
            + slots
            + " slots "
            + labels
            + ", running "
            + String.join(", ", runners.kinds())
            + " jobs");
    long interval = Math.max(100, node.heartbeatIntervalMs());
    heartbeats.scheduleWithFixedDelay(this::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
    long backoff = 0;
    while (!stopping) {
      freeSlots.acquire();
      int free = 1 + freeSlots.drainPermits();
      List<JobCompletion> finished = completions.forLease();
      List<LeasedJob> jobs;
      try {
        // a lease that reports results answers at once, so their outcome is not held by a poll
        LeaseResponse answer =
            pool.lease(
                nodeId, free, finished.isEmpty() ? LONG_POLL_MS : 0, runners.kinds(), finished);
        completions.leaseAnswered(finished, answer.stale());
        jobs = answer.jobs();
        backoff = 0;
      } catch (PoolApi.Unavailable e) {
        completions.leaseFailed(finished);
        freeSlots.release(free);
        if (stopping) {
          break; // the shutdown interrupted the long poll
        }
        backoff = nextBackoff(backoff);
        say("pool unavailable (" + e.getMessage() + "); retrying in " + backoff + " ms");
        sleep(backoff);
        continue;
      } catch (PoolApi.Refused e) {
        completions.leaseFailed(finished);
        freeSlots.release(free);
        if (PoolProblems.NOT_FOUND.equals(e.problemType()) && !stopping) {
          // the pool lost this node (its database was reset or the node removed): join again;
          // jobs still running under the old node's leases will have their results refused
          say("the pool no longer knows node " + nodeId + "; registering again");
          RegisteredNode again =
              retrying("register", () -> pool.register(name, labels, slots, runners.kinds()));
          if (again == null) {
            break;
          }
          nodeId = again.nodeId();
          say("node " + name + " registered as " + nodeId);
          continue;
        }
        say("pool refused to lease: " + e.getMessage());
        sleep(nextBackoff(backoff));
        continue;
      } catch (PoolApi.Unauthorized e) {
        completions.leaseFailed(finished);
        freeSlots.release(free);
        giveUp(e);
        break;
      }
      freeSlots.release(free - jobs.size());
      if (stopping) {
        // leased as the node was stopping: hand them straight back for another node
        jobs.forEach(
            job -> report(job, JobOutcome.failure("node " + name + " shut down", true, null)));
        break;
      }
      for (LeasedJob job : jobs) {
        RunningJob runningJob = new RunningJob(job);
        running.put(job.id(), runningJob);
        runningJob.attach(jobThreads.submit(() -> execute(runningJob)));
      }
    }
    completions.stopLeasing();
    if (fatalError != null) {
      // results can no longer be delivered: stop the jobs; their leases expire and the pool's
      // reaper hands them to another node
      running.values().forEach(job -> job.cancel(false));
      jobThreads.shutdownNow();
      heartbeats.shutdownNow();
      completions.close(Duration.ZERO);
    }
  }

  private void giveUp(PoolApi.Unauthorized e) {
    if (fatalError == null) {
      fatalError =
          "the pool refused this node's token ("
              + e.getMessage()
              + "); pass a valid --token or set ZO_TOKEN, then start the node again";
      say(fatalError);
    }
    stopping = true;
    Thread leaser = leaseThread;
    if (leaser != null && leaser != Thread.currentThread()) {
      leaser.interrupt();
    }
  }

  /**
   * {@link #run} in a process of its own: a JVM shutdown meanwhile (SIGTERM, Ctrl-C) drains the
   * running jobs for up to {@code grace} and waits briefly for this call to return. Ends when
   * leasing ends: after such a shutdown, or on a {@link #fatalError}.
   */
  public void runUntilShutdown(Duration grace) throws InterruptedException {
    Thread caller = Thread.currentThread();
    Thread stopper =
        new Thread(
            () -> {
              try {
                shutdown(grace);
                caller.join(5_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "zo-node-shutdown");
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      run();
    } finally {
      if (fatalError() != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException e) {
          // The JVM is shutting down already: the hook drains what is left.
        }
      }
    }
  }

  /**
   * Stops leasing, waits up to {@code grace} for running jobs, then kills the rest and reports them
   * as retryable failures.
   */
  public void shutdown(Duration grace) throws InterruptedException {
    stopping = true;
    say("draining: " + running.size() + " jobs running, grace " + grace.toSeconds() + " s");
    Thread leaser = leaseThread;
    if (leaser != null) {
      leaser.interrupt();
    }
    jobThreads.shutdown();
    if (!jobThreads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      say("grace period over: stopping " + running.size() + " jobs");
      running.values().forEach(job -> job.cancel(false));
      jobThreads.awaitTermination(30, TimeUnit.SECONDS);
    }
    heartbeats.shutdownNow();
    CompletionReporter reporter = completions;
    if (reporter != null) {
      reporter.close(RESULT_DELIVERY_GRACE);
    }
    say("stopped");
  }

  private void execute(RunningJob runningJob) {
    LeasedJob job = runningJob.job();
    JobOutcome outcome;
    try {
      outcome = runners.run(job, runningJob);
    } catch (InterruptedException e) {
      outcome = JobOutcome.failure("interrupted", true, null);
    } catch (RuntimeException e) {
      outcome = JobOutcome.failure("node error: " + e, true, null);
    }
    try {
      if (runningJob.stoppedByServer()) {
        say("job " + job.id() + " stopped as the pool asked");
      } else if (runningJob.cancelled()) {
        report(job, JobOutcome.failure("node " + name + " shut down", true, outcome.result()));
      } else {
        report(job, outcome);
      }
    } finally {
      running.remove(job.id());
      freeSlots.release();
    }
  }

  private void report(LeasedJob job, JobOutcome outcome) {
    JsonNode result = outcome.result();
    if (outcome.succeeded()) {
      completions.add(job, result);
      return;
    }
    Boolean delivered =
        retrying(
            "report job " + job.id(),
            () -> {
              pool.fail(
                  job.id(), nodeId, job.leaseToken(), outcome.error(), outcome.retryable(), result);
              return true;
            });
    if (delivered != null) {
      say("job " + job.id() + " failed: " + outcome.error());
    }
  }

  private void heartbeat() {
    try {
      HeartbeatResponse reply = pool.heartbeat(nodeId, new ArrayList<>(running.keySet()));
      for (String id : reply.cancel()) {
        RunningJob job = running.get(id);
        if (job != null) {
          job.cancel(true);
        }
      }
    } catch (PoolApi.Unauthorized e) {
      giveUp(e);
    } catch (RuntimeException e) {
      if (!stopping) { // a heartbeat cut off by the shutdown is no news to the user
        say("heartbeat failed: " + e.getMessage());
      }
    }
  }

  /**
   * Calls until it works, waiting out outages; null when refused, unauthorized, or interrupted by a
   * shutdown before registering.
   */
  private <T> T retrying(String what, java.util.function.Supplier<T> call) {
    long backoff = 0;
    while (true) {
      try {
        return call.get();
      } catch (PoolApi.Refused e) {
        say(what + " refused: " + e.getMessage());
        return null;
      } catch (PoolApi.Unauthorized e) {
        giveUp(e);
        return null;
      } catch (PoolApi.Unavailable e) {
        backoff = nextBackoff(backoff);
        say(what + ": pool unavailable, retrying in " + backoff + " ms");
        if (!sleep(backoff) && stopping && nodeId == null) {
          return null;
        }
      }
    }
  }

  private static long nextBackoff(long previous) {
    return Math.min(MAX_BACKOFF_MS, previous == 0 ? 250 : previous * 2);
  }

  /** Sleeps; false when interrupted. */
  private static boolean sleep(long ms) {
    try {
      Thread.sleep(ms);
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  private synchronized void say(String line) {
    log.println(line);
    log.flush();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
