package dev.zoclone.pool.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.pool.SubmitJobRequest;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.pool.service.JobService;
import dev.zoclone.pool.service.JobService.Submission;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Submits the jobs that any producer puts on {@code zo.pool.jobs}: an event envelope whose data is
 * a job submission plus its {@code owner}. Redelivery is harmless: the submission's {@code
 * idempotency_key}, or else the event id, makes the job once.
 */
@ApplicationScoped
public class JobSubmissionConsumer {
  /** The channel bound to {@code zo.pool.jobs} in application.properties. */
  public static final String CHANNEL = "pool-jobs";

  private final JobService jobs;

  public JobSubmissionConsumer(JobService jobs) {
    this.jobs = jobs;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void onRecord(String value) {
    EventEnvelope event;
    SubmitJobRequest request;
    String owner;
    try {
      event = EventJson.read(value);
      JsonNode data = event.data();
      owner = data == null ? "" : data.path("owner").asText("");
      request = EventJson.mapper().treeToValue(data, SubmitJobRequest.class);
    } catch (Exception e) {
      Log.warnf(
          "ignoring a record on zo.pool.jobs that is not a job submission: %s", e.getMessage());
      return;
    }
    if (owner.isBlank() || request == null) {
      Log.warnf("ignoring job submission event %s: it names no owner", event.id());
      return;
    }
    String key =
        request.idempotencyKey() != null ? request.idempotencyKey() : "event:" + event.id();
    SubmitJobRequest keyed =
        new SubmitJobRequest(
            request.kind(),
            request.payload(),
            request.priority(),
            request.requirements(),
            key,
            request.maxAttempts(),
            request.timeoutS());
    try {
      Submission submission = jobs.submit(owner, keyed);
      Log.debugf(
          "event %s submitted job %s (new: %s)",
          event.id(), submission.job().id(), submission.created());
    } catch (ProblemException e) {
      Log.warnf("ignoring invalid job submission event %s: %s", event.id(), e.getMessage());
    }
  }
}
