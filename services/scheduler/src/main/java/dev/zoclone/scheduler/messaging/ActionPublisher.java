package dev.zoclone.scheduler.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.Topics;
import dev.zoclone.contract.scheduler.AutomationAction;
import dev.zoclone.contract.scheduler.AutomationFired;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Locale;

/**
 * Queues what a fired occurrence sends, through the outbox and in the firing transaction: the
 * {@code zo.automation.fired} event, plus the action's own record ({@code ask} to {@code
 * zo.agent.requests}, {@code job} to {@code zo.pool.jobs}, {@code kafka} to its named topic).
 * Webhooks are delivered by {@code WebhookDelivery} instead, with retries.
 */
@ApplicationScoped
public class ActionPublisher {
  /** Event source name of everything the scheduler publishes. */
  public static final String SOURCE = "scheduler";

  /** Type of the fired event, on {@code zo.automation.fired} and on custom topics. */
  public static final String FIRED_TYPE = "zo.automation.fired";

  /** Type of the agent request an {@code ask} action sends. */
  public static final String ASK_TYPE = "zo.agent.requested";

  /** Type of the job submission a {@code job} action sends. */
  public static final String JOB_TYPE = "zo.pool.job.submitted";

  /** Prefix of the idempotency key of jobs submitted by runs; the run id follows. */
  public static final String JOB_KEY_PREFIX = "automation-run:";

  private final Outbox outbox;

  public ActionPublisher(Outbox outbox) {
    this.outbox = outbox;
  }

  /** Queues the fired event and the action's record for one run. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void publish(AutomationFired fired, AutomationAction action) {
    JsonNode firedData = EventJson.mapper().valueToTree(fired);
    outbox.publish(
        Topics.AUTOMATION_FIRED,
        fired.automationId(),
        EventEnvelope.of(FIRED_TYPE, SOURCE, fired.automationId(), firedData));
    switch (action.type().toLowerCase(Locale.ROOT)) {
      case "ask" -> {
        ObjectNode request = EventJson.mapper().createObjectNode();
        request.put("request_id", fired.runId());
        // field names of the agents' request record (contract agents.AgentRequestEvent)
        request.put("user", fired.owner());
        request.put("prompt", action.prompt());
        request.put("automation_id", fired.automationId());
        request.put("occurrence", fired.occurrence());
        if (action.payload() != null) {
          request.set("payload", action.payload());
        }
        outbox.publish(
            Topics.AGENT_REQUESTS,
            fired.runId(),
            EventEnvelope.of(ASK_TYPE, SOURCE, fired.runId(), request));
      }
      case "job" -> {
        ObjectNode job = action.payload().deepCopy();
        job.put("idempotency_key", JOB_KEY_PREFIX + fired.runId());
        // the pool's consumer (JobSubmissionConsumer) submits the job on behalf of data.owner
        job.put("owner", fired.owner());
        outbox.publish(
            Topics.POOL_JOBS,
            fired.runId(),
            EventEnvelope.of(JOB_TYPE, SOURCE, fired.runId(), job));
      }
      case "kafka" -> {
        ObjectNode data = firedData.deepCopy();
        if (action.payload() != null) {
          data.set("payload", action.payload());
        }
        outbox.publish(
            action.topic(),
            fired.automationId(),
            EventEnvelope.of(FIRED_TYPE, SOURCE, fired.automationId(), data));
      }
      default -> {
        // webhook: delivered over HTTP by WebhookDelivery, not through Kafka
      }
    }
  }
}
