package dev.zoclone.agents.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.agents.ask.AskService;
import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.Topics;
import dev.zoclone.contract.agents.AgentResultEvent;
import dev.zoclone.contract.agents.AskRequest;
import dev.zoclone.contract.agents.AskResponse;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.platform.events.ProcessedEvents;
import dev.zoclone.platform.outbox.Outbox;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Runs an agent request from Kafka and publishes its one result through the outbox. A request id
 * already answered is skipped; two deliveries racing both run, but only the first to commit
 * publishes.
 */
@ApplicationScoped
public class AgentRequestHandler {
  static final String CONSUMER = "agent-requests";

  private final AskService asks;
  private final ProcessedEvents processed;
  private final Outbox outbox;
  private final EntityManager entityManager;

  public AgentRequestHandler(
      AskService asks, ProcessedEvents processed, Outbox outbox, EntityManager entityManager) {
    this.asks = asks;
    this.processed = processed;
    this.outbox = outbox;
    this.entityManager = entityManager;
  }

  /** Answers {@code request} once. */
  public void handle(dev.zoclone.contract.agents.AgentRequestEvent request) {
    Log.infof("agent request %s received", request.requestId());
    if (alreadyAnswered(request.requestId())) {
      Log.debugf("agent request %s was answered already", request.requestId());
      return;
    }
    AgentResultEvent result;
    if (request.user() == null || request.user().isBlank() || request.prompt() == null) {
      result =
          new AgentResultEvent(
              request.requestId(),
              "FAILED",
              null,
              "user and prompt are required",
              request.conversationId());
    } else {
      try {
        AskResponse answer =
            asks.ask(
                request.user(),
                new AskRequest(
                    request.prompt(),
                    request.conversationId(),
                    request.modelName(),
                    null,
                    null,
                    false,
                    null,
                    null,
                    null),
                null);
        JsonNode output = answer.output();
        result =
            new AgentResultEvent(
                request.requestId(),
                "SUCCEEDED",
                output.isTextual() ? output.asText() : output.toString(),
                null,
                answer.conversationId());
      } catch (ProblemException e) {
        result =
            new AgentResultEvent(
                request.requestId(), "FAILED", null, e.getMessage(), request.conversationId());
      } catch (RuntimeException e) {
        Log.warnf("agent request %s failed: %s", request.requestId(), e.toString());
        result =
            new AgentResultEvent(
                request.requestId(), "FAILED", null, "the agent failed", request.conversationId());
      }
    }
    AgentResultEvent toPublish = result;
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (processed.firstDelivery(CONSUMER, request.requestId())) {
                outbox.publish(
                    Topics.AGENT_RESULTS,
                    request.requestId(),
                    EventEnvelope.of(
                        "zo.agent.result",
                        "agents",
                        request.requestId(),
                        EventJson.mapper().valueToTree(toPublish)));
              }
            });
  }

  private boolean alreadyAnswered(String requestId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                !entityManager
                    .createNativeQuery(
                        "SELECT 1 FROM processed_event WHERE consumer = ?1 AND event_id = ?2")
                    .setParameter(1, CONSUMER)
                    .setParameter(2, requestId)
                    .getResultList()
                    .isEmpty());
  }
}
