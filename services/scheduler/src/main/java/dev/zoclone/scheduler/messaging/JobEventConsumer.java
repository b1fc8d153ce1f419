package dev.zoclone.scheduler.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.Topics;
import dev.zoclone.contract.pool.JobEvent;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.scheduler.RunStatus;
import dev.zoclone.scheduler.service.RunResults;
import dev.zoclone.scheduler.service.RunResults.Claim;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Updates {@code job} runs from {@code zo.pool.job-events}: a job that SUCCEEDED makes its run
 * SUCCEEDED; one that FAILED, went DEAD or was CANCELLED makes it FAILED. The run is found through
 * the job's idempotency key, {@code automation-run:<run id>}, read from the event's {@code
 * idempotency_key}; events without it (other jobs) are ignored.
 */
@ApplicationScoped
public class JobEventConsumer {
  /** The channel bound to {@code zo.pool.job-events} in application.properties. */
  public static final String CHANNEL = "pool-job-events";

  /** The name this consumer's handled events are remembered under. */
  static final String CONSUMER = "scheduler.pool-job-events";

  private final RunResults results;

  public JobEventConsumer(RunResults results) {
    this.results = results;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void onRecord(String value) {
    Optional<EventEnvelope> parsed = EventJson.readOrSkip(value, Topics.POOL_JOB_EVENTS);
    if (parsed.isEmpty()) {
      return;
    }
    EventEnvelope event = parsed.get();
    JsonNode data = event.data() == null ? EventJson.mapper().nullNode() : event.data();
    String key = data.path("idempotency_key").asText("");
    if (!key.startsWith(ActionPublisher.JOB_KEY_PREFIX)) {
      return; // not a job an automation submitted
    }
    UUID runId = RunIds.parse(key.substring(ActionPublisher.JOB_KEY_PREFIX.length()));
    String jobStatus = jobStatus(event, data);
    RunStatus status =
        switch (jobStatus) {
          case "SUCCEEDED" -> RunStatus.SUCCEEDED;
          case "FAILED", "DEAD", "CANCELLED" -> RunStatus.FAILED;
          default -> null; // PENDING, LEASED, RUNNING: not an outcome yet
        };
    if (runId == null || status == null) {
      return;
    }
    String detail = "job " + data.path("job_id").asText("?") + " " + jobStatus;
    if (data.hasNonNull("error")) {
      detail += ": " + data.get("error").asText();
    }
    // the job's owner must be the run's: another user's job with this key changes nothing
    String owner = data.path("owner").asText("");
    results.record(CONSUMER, event.id(), runId, status, detail, new Claim("job", owner));
  }

  /** The job's status from the data, else from the event type {@code zo.pool.job.<status>}. */
  private static String jobStatus(EventEnvelope event, JsonNode data) {
    String status = data.path("status").asText("");
    if (status.isEmpty() && event.type().startsWith(JobEvent.TYPE_PREFIX)) {
      status = event.type().substring(JobEvent.TYPE_PREFIX.length());
    }
    return status.toUpperCase(Locale.ROOT);
  }
}
