package dev.zoclone.pool.service;

import dev.zoclone.contract.jobs.JobKind;
import dev.zoclone.contract.pool.CompleteJobRequest;
import dev.zoclone.contract.pool.FailJobRequest;
import dev.zoclone.contract.pool.JobView;
import dev.zoclone.contract.pool.SubmitJobRequest;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.pool.JobStatus;
import dev.zoclone.pool.config.PoolConfig;
import dev.zoclone.pool.repository.JobRepository;
import dev.zoclone.pool.repository.JobState;
import dev.zoclone.pool.repository.NewJob;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The job life cycle as the owner and the nodes drive it: submit, cancel, retry, complete, fail.
 */
@ApplicationScoped
public class JobService {
  private static final int MAX_LIST = 500;
  private static final int MAX_ERROR_CHARS = 4000;

  private final JobRepository jobs;
  private final SubmissionValidator validator;
  private final RetryPolicy retries;
  private final JobEvents events;
  private final PoolConfig config;
  private final WaitingReasons waiting;
  private final PendingJobQuota quota;

  public JobService(
      JobRepository jobs,
      SubmissionValidator validator,
      RetryPolicy retries,
      JobEvents events,
      PoolConfig config,
      WaitingReasons waiting,
      PendingJobQuota quota) {
    this.jobs = jobs;
    this.validator = validator;
    this.retries = retries;
    this.events = events;
    this.config = config;
    this.waiting = waiting;
    this.quota = quota;
  }

  /** The outcome of a submission: the job, and whether this call created it. */
  public record Submission(JobView job, boolean created) {}

  /**
   * Queues a job for {@code owner}; with an idempotency key already used by the owner, answers the
   * first job instead.
   */
  @Transactional
  @WithSpan("pool job submit")
  public Submission submit(String owner, SubmitJobRequest request) {
    JobKind kind = validator.validate(request);
    NewJob job =
        new NewJob(
            UUID.randomUUID().toString(),
            owner,
            kind.wireName(),
            request.payload().toString(),
            request.priority() == null ? 0 : request.priority(),
            JsonText.of(request.requirements() == null ? Map.of() : request.requirements()),
            request.idempotencyKey(),
            request.maxAttempts() == null ? config.defaultMaxAttempts() : request.maxAttempts(),
            request.timeoutS());
    if (request.idempotencyKey() != null) {
      var first = jobs.findByIdempotencyKey(owner, request.idempotencyKey());
      if (first.isPresent()) {
        return new Submission(first.get(), false);
      }
    }
    quota.requireRoom(owner, 1);
    if (!jobs.insert(job)) {
      return new Submission(
          jobs.findByIdempotencyKey(owner, request.idempotencyKey()).orElseThrow(), false);
    }
    events.changed(job.id(), owner, JobStatus.PENDING, 0, null, null);
    jobs.announceReady(owner);
    return new Submission(jobs.find(owner, job.id()).orElseThrow(), true);
  }

  /** The owner's job; 404 for a job of someone else. */
  public JobView get(String owner, String id) {
    return jobs.find(owner, id).orElseThrow(() -> ProblemException.notFound("job " + id));
  }

  /** The owner's job, saying why it waits when no live node of the owner can take it. */
  public JobView describe(String owner, String id) {
    return waiting.explain(owner, get(owner, id));
  }

  /** The owner's newest jobs, optionally in one status. */
  public List<JobView> list(String owner, String status, Integer limit) {
    JobStatus wanted = null;
    if (status != null && !status.isBlank()) {
      try {
        wanted = JobStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest(
            "status", "must be one of " + java.util.Arrays.toString(JobStatus.values()));
      }
    }
    int max = limit == null ? 100 : limit;
    if (max < 1 || max > MAX_LIST) {
      throw ProblemException.badRequest("limit", "must be between 1 and " + MAX_LIST);
    }
    return jobs.list(owner, wanted, max);
  }

  /**
   * Cancels a pending or held job; a node holding it learns so from its next heartbeat reply and
   * kills it.
   */
  @Transactional
  public JobView cancel(String owner, String id) {
    JobState job = locked(owner, id);
    if (job.status() != JobStatus.PENDING && !job.status().held()) {
      throw ProblemException.conflict(
          "job-finished", "job " + id + " is " + job.status() + " and cannot be cancelled");
    }
    jobs.release(id, JobStatus.CANCELLED, 0, "cancelled by its owner", null);
    events.changed(id, owner, JobStatus.CANCELLED, job.attempts(), job.nodeId(), null);
    return get(owner, id);
  }

  /** Revives a DEAD, FAILED or CANCELLED job with a fresh set of attempts and no old error. */
  @Transactional
  public JobView retry(String owner, String id) {
    JobState job = locked(owner, id);
    if (job.status() != JobStatus.DEAD
        && job.status() != JobStatus.FAILED
        && job.status() != JobStatus.CANCELLED) {
      throw ProblemException.conflict(
          "job-not-dead",
          "job " + id + " is " + job.status() + "; only DEAD, FAILED or CANCELLED jobs retry");
    }
    jobs.revive(id);
    events.changed(id, owner, JobStatus.PENDING, 0, null, null);
    jobs.announceReady(owner);
    return get(owner, id);
  }

  /** Records the job's result, if the node still holds it under this lease; else 409. */
  @Transactional
  public JobView complete(String owner, String id, CompleteJobRequest request) {
    if (request == null) {
      throw ProblemException.badRequest("body", "node_id and lease_token are required");
    }
    JobState job = held(owner, id, request.nodeId(), request.leaseToken());
    jobs.release(
        id,
        JobStatus.SUCCEEDED,
        0,
        null,
        request.result() == null ? null : request.result().toString());
    events.changed(id, owner, JobStatus.SUCCEEDED, job.attempts(), job.nodeId(), null);
    return get(owner, id);
  }

  /**
   * Records a failed attempt, if the node still holds the job under this lease: retried after a
   * backoff while attempts remain, DEAD after the last, FAILED at once when not retryable.
   */
  @Transactional
  public JobView fail(String owner, String id, FailJobRequest request) {
    if (request == null) {
      throw ProblemException.badRequest("body", "node_id and lease_token are required");
    }
    JobState job = held(owner, id, request.nodeId(), request.leaseToken());
    String error = truncate(request.error() == null ? "failed" : request.error());
    boolean retryable = request.retryable() == null || request.retryable();
    String result = request.result() == null ? null : request.result().toString();
    failAttempt(job, error, retryable, result);
    return get(owner, id);
  }

  /**
   * Ends a held job's attempt as failed, within the caller's transaction: the reaper uses this for
   * attempts that ran past their deadline.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public JobStatus failAttempt(JobState job, String error, boolean retryable, String result) {
    JobStatus next;
    long delay = 0;
    if (!retryable) {
      next = JobStatus.FAILED;
    } else if (job.attempts() >= job.maxAttempts()) {
      next = JobStatus.DEAD;
    } else {
      next = JobStatus.PENDING;
      delay = retries.delayMs(job.attempts());
    }
    jobs.release(job.id(), next, delay, error, result);
    events.changed(job.id(), job.owner(), next, job.attempts(), job.nodeId(), error);
    if (next == JobStatus.DEAD) {
      Log.infof("job %s is dead after %d attempts", job.id(), job.attempts());
    }
    return next;
  }

  private JobState locked(String owner, String id) {
    return jobs.lock(owner, id).orElseThrow(() -> ProblemException.notFound("job " + id));
  }

  private JobState held(String owner, String id, String nodeId, Long leaseToken) {
    if (nodeId == null || nodeId.isBlank()) {
      throw ProblemException.badRequest("node_id", "is required");
    }
    if (leaseToken == null) {
      throw ProblemException.badRequest("lease_token", "is required");
    }
    JobState job = locked(owner, id);
    if (!job.heldBy(nodeId, leaseToken)) {
      throw ProblemException.conflict(
          "stale-lease",
          "node "
              + nodeId
              + " does not hold job "
              + id
              + " under lease "
              + leaseToken
              + " (the job is "
              + job.status()
              + "); its result was not recorded");
    }
    return job;
  }

  private static String truncate(String text) {
    return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "…";
  }
}
