package dev.zoclone.pool.service;

import dev.zoclone.contract.Problem.FieldError;
import dev.zoclone.contract.jobs.JobKind;
import dev.zoclone.contract.pool.CompleteJobsRequest;
import dev.zoclone.contract.pool.CompletedJobs;
import dev.zoclone.contract.pool.JobCompletion;
import dev.zoclone.contract.pool.SubmitJobRequest;
import dev.zoclone.contract.pool.SubmitJobsRequest;
import dev.zoclone.contract.pool.SubmittedJob;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.pool.JobStatus;
import dev.zoclone.pool.config.PoolConfig;
import dev.zoclone.pool.repository.JobBatchRepository;
import dev.zoclone.pool.repository.JobBatchRepository.Changed;
import dev.zoclone.pool.repository.JobBatchRepository.Existing;
import dev.zoclone.pool.repository.JobRepository;
import dev.zoclone.pool.repository.NewJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Submits and completes many jobs per call, each batch in one transaction with set-based SQL and
 * one outbox insert: the throughput path for producers and busy nodes.
 */
@ApplicationScoped
public class JobBatchService {
  private final JobBatchRepository batches;
  private final JobRepository jobs;
  private final SubmissionValidator validator;
  private final JobEvents events;
  private final PoolConfig config;
  private final PendingJobQuota quota;

  public JobBatchService(
      JobBatchRepository batches,
      JobRepository jobs,
      SubmissionValidator validator,
      JobEvents events,
      PoolConfig config,
      PendingJobQuota quota) {
    this.batches = batches;
    this.jobs = jobs;
    this.validator = validator;
    this.events = events;
    this.config = config;
    this.quota = quota;
  }

  /** The outcome of a batch submission, in the request's order, and whether any job was new. */
  public record Submissions(List<SubmittedJob> jobs, boolean created) {}

  /**
   * Queues every submission or, when any is invalid, none (400 naming each field as {@code
   * jobs[i].field}). A repeated idempotency key answers the first job, as a single submit does.
   */
  @Transactional
  public Submissions submit(String owner, SubmitJobsRequest request) {
    List<SubmitJobRequest> requests = request == null ? null : request.jobs();
    checkSize(requests);
    List<NewJob> rows = new ArrayList<>(requests.size());
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      SubmitJobRequest job = requests.get(i);
      try {
        JobKind kind = validator.validate(job);
        rows.add(
            new NewJob(
                UUID.randomUUID().toString(),
                owner,
                kind.wireName(),
                job.payload().toString(),
                job.priority() == null ? 0 : job.priority(),
                JsonText.of(job.requirements() == null ? Map.of() : job.requirements()),
                job.idempotencyKey(),
                job.maxAttempts() == null ? config.defaultMaxAttempts() : job.maxAttempts(),
                job.timeoutS()));
      } catch (ProblemException e) {
        String prefix = "jobs[" + i + "].";
        e.toProblem(null)
            .errors()
            .forEach(f -> errors.add(new FieldError(prefix + f.field(), f.message())));
      }
    }
    if (!errors.isEmpty()) {
      throw CompletionBatch.invalid(errors);
    }
    // A batch needs room for all its jobs (a repeated idempotency key is counted too).
    quota.requireRoom(owner, rows.size());
    Set<String> inserted = batches.insertAll(rows);
    List<String> repeatedKeys =
        rows.stream()
            .filter(row -> !inserted.contains(row.id()))
            .map(NewJob::idempotencyKey)
            .toList();
    Map<String, Existing> existing =
        repeatedKeys.isEmpty() ? Map.of() : batches.findByIdempotencyKeys(owner, repeatedKeys);
    List<SubmittedJob> answer = new ArrayList<>(rows.size());
    List<JobEvents.Change> changes = new ArrayList<>(inserted.size());
    for (NewJob row : rows) {
      if (inserted.contains(row.id())) {
        answer.add(new SubmittedJob(row.id(), JobStatus.PENDING.name()));
        changes.add(
            new JobEvents.Change(
                row.id(), owner, JobStatus.PENDING, 0, null, null, row.idempotencyKey()));
      } else {
        Existing first = existing.get(row.idempotencyKey());
        answer.add(new SubmittedJob(first.id(), first.status()));
      }
    }
    if (!changes.isEmpty()) {
      events.changedAll(changes);
      jobs.announceReady(owner);
    }
    return new Submissions(answer, !changes.isEmpty());
  }

  /**
   * Records the results of the node's finished jobs in one transaction. Each job is fenced on its
   * own: those the node no longer holds under the given lease are answered as stale and left
   * unchanged, the others become SUCCEEDED. 404 when the owner has no such node.
   */
  @Transactional
  public CompletedJobs complete(String owner, String nodeId, CompleteJobsRequest request) {
    List<JobCompletion> completions = request == null ? null : request.jobs();
    checkSize(completions);
    CompletionBatch batch = CompletionBatch.of("jobs", completions, config.maxBatch());
    List<Changed> completed =
        batches
            .completeAll(owner, nodeId, batch.ids(), batch.tokens(), batch.results())
            .orElseThrow(() -> ProblemException.notFound("node " + nodeId));
    events.changedAll(succeeded(owner, nodeId, completed));
    Set<String> done = new HashSet<>();
    completed.forEach(job -> done.add(job.id()));
    return new CompletedJobs(
        batch.ids().stream().filter(done::contains).toList(), batch.notIn(done));
  }

  /** The events of jobs that just succeeded on {@code nodeId}. */
  static List<JobEvents.Change> succeeded(String owner, String nodeId, List<Changed> completed) {
    return completed.stream()
        .map(
            job ->
                new JobEvents.Change(
                    job.id(),
                    owner,
                    JobStatus.SUCCEEDED,
                    job.attempts(),
                    nodeId,
                    null,
                    job.idempotencyKey()))
        .toList();
  }

  private void checkSize(List<?> items) {
    if (items == null || items.isEmpty() || items.size() > config.maxBatch()) {
      throw ProblemException.badRequest(
          "jobs", "must list between 1 and " + config.maxBatch() + " jobs");
    }
    if (items.stream().anyMatch(Objects::isNull)) {
      throw ProblemException.badRequest("jobs", "must not contain null entries");
    }
  }
}
