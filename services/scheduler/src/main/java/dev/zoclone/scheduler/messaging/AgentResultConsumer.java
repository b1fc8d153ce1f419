package dev.zoclone.scheduler.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.Topics;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.scheduler.RunStatus;
import dev.zoclone.scheduler.service.RunResults;
import dev.zoclone.scheduler.service.RunResults.Claim;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Updates {@code ask} runs from {@code zo.agent.results}. The agents service's result shape is not
 * in the contract yet; this reads an envelope whose data has {@code request_id} (the run id the
 * scheduler sent on {@code zo.agent.requests}), {@code status} ({@code SUCCEEDED} or {@code
 * FAILED}), {@code output} and {@code error}. Records for other requests are ignored.
 */
@ApplicationScoped
public class AgentResultConsumer {
  /** The channel bound to {@code zo.agent.results} in application.properties. */
  public static final String CHANNEL = "agent-results";

  /** The name this consumer's handled events are remembered under. */
  static final String CONSUMER = "scheduler.agent-results";

  private final RunResults results;

  public AgentResultConsumer(RunResults results) {
    this.results = results;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void onRecord(String value) {
    Optional<EventEnvelope> parsed = EventJson.readOrSkip(value, Topics.AGENT_RESULTS);
    if (parsed.isEmpty()) {
      return;
    }
    EventEnvelope event = parsed.get();
    JsonNode data = event.data() == null ? EventJson.mapper().nullNode() : event.data();
    UUID runId = RunIds.parse(data.path("request_id").asText(""));
    RunStatus status = status(data.path("status").asText(""));
    if (runId == null || status == null) {
      Log.debugf("agent result %s is not for a run, or not final: ignored", event.id());
      return;
    }
    // agents' results name no user: the run id (a random UUID the scheduler sent) and the action
    // type must match
    results.record(
        CONSUMER, event.id(), runId, status, detail(status, data), new Claim("ask", null));
  }

  private static RunStatus status(String raw) {
    return switch (raw.toUpperCase(Locale.ROOT)) {
      case "SUCCEEDED" -> RunStatus.SUCCEEDED;
      case "FAILED" -> RunStatus.FAILED;
      default -> null;
    };
  }

  private static String detail(RunStatus status, JsonNode data) {
    JsonNode text = status == RunStatus.FAILED ? data.path("error") : data.path("output");
    if (text.isMissingNode() || text.isNull()) {
      return null;
    }
    return text.isTextual() ? text.asText() : text.toString();
  }
}
