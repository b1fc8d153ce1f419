package dev.zoclone.pool.service;

import dev.zoclone.pool.JobStatus;
import dev.zoclone.pool.config.PoolConfig;
import dev.zoclone.pool.repository.JobRepository;
import dev.zoclone.pool.repository.JobState;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Takes jobs back from nodes that stopped heartbeating (requeued at once, the attempt counted) and
 * fails attempts that ran past their server-side deadline (retried with backoff). Rows are claimed
 * with {@code SKIP LOCKED}, so every replica can reap at the same time.
 */
@ApplicationScoped
public class LeaseReaper {
  private final JobRepository jobs;
  private final JobService jobService;
  private final JobEvents events;
  private final PoolConfig config;

  public LeaseReaper(
      JobRepository jobs, JobService jobService, JobEvents events, PoolConfig config) {
    this.jobs = jobs;
    this.jobService = jobService;
    this.events = events;
    this.config = config;
  }

  @Scheduled(
      every = "${zo.pool.reaper-interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    try {
      while (reap() == config.reaperBatch()) {
        // a full batch: more may be waiting
      }
    } catch (RuntimeException e) {
      Log.warnf("lease reaper pass failed, will retry: %s", e.getMessage());
    }
  }

  /** Reaps one batch of overdue jobs; answers how many. */
  public int reap() {
    return QuarkusTransaction.requiringNew().call(this::reapBatch);
  }

  private int reapBatch() {
    List<JobState> overdue = jobs.lockOverdue(config.reaperBatch());
    Set<String> ready = new HashSet<>();
    for (JobState job : overdue) {
      if (job.timedOut()) {
        String error = "timed out: ran longer than " + job.timeoutS() + "s";
        jobService.failAttempt(job, error, true, null);
      } else {
        requeueLost(job);
        ready.add(job.owner());
      }
    }
    ready.forEach(jobs::announceReady);
    if (!overdue.isEmpty()) {
      Log.infof("reaped %d overdue jobs", overdue.size());
    }
    return overdue.size();
  }

  private void requeueLost(JobState job) {
    String error = "lease expired: node " + job.nodeId() + " stopped heartbeating";
    JobStatus next = job.attempts() >= job.maxAttempts() ? JobStatus.DEAD : JobStatus.PENDING;
    jobs.release(job.id(), next, 0, error, null);
    events.changed(job.id(), job.owner(), next, job.attempts(), job.nodeId(), error);
  }
}
