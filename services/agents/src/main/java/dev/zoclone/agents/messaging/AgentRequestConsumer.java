package dev.zoclone.agents.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.agents.runs.AgentRequestHandler;
import dev.zoclone.contract.agents.AgentRequestEvent;
import dev.zoclone.platform.events.EventJson;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Answers records on {@code zo.agent.requests}: {@code {request_id, user, prompt, conversation_id?,
 * model_name?}}, bare or as the data of an event envelope. Each request id gets exactly one record
 * on {@code zo.agent.results}, however often it is delivered.
 */
@ApplicationScoped
public class AgentRequestConsumer {
  /** The channel bound to {@code zo.agent.requests} in application.properties. */
  public static final String CHANNEL = "agent-requests";

  private final AgentRequestHandler handler;

  public AgentRequestConsumer(AgentRequestHandler handler) {
    this.handler = handler;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void onRecord(String value) {
    AgentRequestEvent request;
    try {
      JsonNode json = EventJson.mapper().readTree(value);
      JsonNode body = json.has("data") && json.has("type") ? json.path("data") : json;
      request = EventJson.mapper().treeToValue(body, AgentRequestEvent.class);
    } catch (Exception e) {
      Log.warnf(
          "ignoring a record on zo.agent.requests that is not an agent request: %s",
          e.getMessage());
      return;
    }
    if (request == null || request.requestId() == null || request.requestId().isBlank()) {
      Log.warn("ignoring an agent request without a request_id");
      return;
    }
    handler.handle(request);
  }
}
