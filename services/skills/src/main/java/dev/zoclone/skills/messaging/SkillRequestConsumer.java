package dev.zoclone.skills.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.skills.SkillRequestEvent;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.skills.service.SkillRequestHandler;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Answers records on {@code zo.skill.requests}: {@code {request_id, owner, skill, script?, input}},
 * bare or as the data of an event envelope. Each request id gets exactly one record on {@code
 * zo.skill.results}, however often it is delivered; a record that is not a request is logged and
 * skipped, never retried.
 */
@ApplicationScoped
public class SkillRequestConsumer {
  /** The channel bound to {@code zo.skill.requests} in application.properties. */
  public static final String CHANNEL = "skill-requests";

  private final SkillRequestHandler handler;

  public SkillRequestConsumer(SkillRequestHandler handler) {
    this.handler = handler;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void onRecord(String value) {
    SkillRequestEvent request;
    try {
      JsonNode json = EventJson.mapper().readTree(value);
      JsonNode body = json.has("data") && json.has("type") ? json.path("data") : json;
      request = EventJson.mapper().treeToValue(body, SkillRequestEvent.class);
    } catch (Exception e) {
      Log.warnf(
          "ignoring a record on zo.skill.requests that is not a skill request: %s", e.getMessage());
      return;
    }
    if (request == null || request.requestId() == null || request.requestId().isBlank()) {
      Log.warn("ignoring a skill request without a request_id");
      return;
    }
    handler.handle(request);
  }
}
