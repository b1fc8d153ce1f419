package dev.zoclone.pool.service;

import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.Topics;
import dev.zoclone.contract.pool.JobEvent;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.platform.outbox.Outbox;
import dev.zoclone.pool.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Publishes every job state change to {@code zo.pool.job-events} through the outbox. */
@ApplicationScoped
public class JobEvents {
  private static final String SOURCE = "pool";

  private final Outbox outbox;

  public JobEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  /**
   * Queues the event in the caller's transaction, keyed by the job id so a job's events stay in
   * order.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void changed(
      String jobId, String owner, JobStatus status, int attempts, String nodeId, String error) {
    JobEvent data = new JobEvent(jobId, owner, status.name(), attempts, nodeId, error);
    outbox.publish(
        Topics.POOL_JOB_EVENTS,
        jobId,
        EventEnvelope.of(status.eventType(), SOURCE, jobId, EventJson.mapper().valueToTree(data)));
  }
}
