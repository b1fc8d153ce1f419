package dev.zoclone.pool.service;

import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.Topics;
import dev.zoclone.contract.pool.JobEvent;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.platform.outbox.Outbox;
import dev.zoclone.pool.JobStatus;
import dev.zoclone.pool.repository.JobKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Publishes every job state change to {@code zo.pool.job-events} through the outbox. */
@ApplicationScoped
public class JobEvents {
  private static final String SOURCE = "pool";

  private final Outbox outbox;
  private final JobKeys keys;

  public JobEvents(Outbox outbox, JobKeys keys) {
    this.outbox = outbox;
    this.keys = keys;
  }

  /** One job entering {@code status}; its idempotency key, if any, goes into the event. */
  public record Change(
      String jobId,
      String owner,
      JobStatus status,
      int attempts,
      String nodeId,
      String error,
      String idempotencyKey) {}

  /**
   * Queues the event in the caller's transaction, keyed by the job id so a job's events stay in
   * order.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void changed(
      String jobId, String owner, JobStatus status, int attempts, String nodeId, String error) {
    Change change =
        new Change(
            jobId, owner, status, attempts, nodeId, error, keys.of(List.of(jobId)).get(jobId));
    outbox.publish(Topics.POOL_JOB_EVENTS, jobId, envelope(change));
  }

  /**
   * Queues the events of many changes as one outbox batch (one row), in the caller's transaction;
   * each still becomes its own record keyed by its job id.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void changedAll(List<Change> changes) {
    outbox.publishAll(
        Topics.POOL_JOB_EVENTS,
        changes.stream()
            .map(change -> new Outbox.KeyedEvent(change.jobId(), envelope(change)))
            .toList());
  }

  private static EventEnvelope envelope(Change change) {
    JobEvent data =
        new JobEvent(
            change.jobId(),
            change.owner(),
            change.status().name(),
            change.attempts(),
            change.nodeId(),
            change.error(),
            change.idempotencyKey());
    return EventEnvelope.of(
        change.status().eventType(), SOURCE, change.jobId(), EventJson.mapper().valueToTree(data));
  }
}
