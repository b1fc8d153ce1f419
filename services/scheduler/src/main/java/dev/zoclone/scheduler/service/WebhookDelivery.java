package dev.zoclone.scheduler.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.scheduler.AutomationAction;
import dev.zoclone.contract.scheduler.AutomationFired;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.scheduler.RunStatus;
import dev.zoclone.scheduler.client.WebhookClient;
import dev.zoclone.scheduler.config.SchedulerConfig;
import dev.zoclone.scheduler.messaging.ActionPublisher;
import dev.zoclone.scheduler.repository.AutomationEntity;
import dev.zoclone.scheduler.repository.AutomationRepository;
import dev.zoclone.scheduler.repository.RunEntity;
import dev.zoclone.scheduler.repository.RunRepository;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Delivers PENDING webhook runs: claims them with {@code FOR UPDATE SKIP LOCKED}, POSTs the signed
 * fired event, and on failure retries with exponential backoff until the attempts run out.
 */
@ApplicationScoped
public class WebhookDelivery {
  private final RunRepository runs;
  private final AutomationRepository automations;
  private final WebhookClient client;
  private final SchedulerConfig config;

  public WebhookDelivery(
      RunRepository runs,
      AutomationRepository automations,
      WebhookClient client,
      SchedulerConfig config) {
    this.runs = runs;
    this.automations = automations;
    this.client = client;
    this.config = config;
  }

  /** Makes one attempt for each delivery due at {@code now}; answers how many were attempted. */
  public int deliverDue(Instant now) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<RunEntity> due = runs.claimPendingDeliveries(now, config.webhook().batchSize());
              for (RunEntity run : due) {
                attempt(run, now);
              }
              return due.size();
            });
  }

  private void attempt(RunEntity run, Instant now) {
    AutomationEntity automation = automations.findById(run.automationId);
    AutomationAction action = AutomationService.action(automation);
    String body = EventJson.write(event(run, automation));
    run.attempts++;
    String failure;
    try {
      int status =
          client.post(URI.create(action.url()), body, action.secret(), run.id.toString(), now);
      if (status >= 200 && status < 300) {
        run.status = RunStatus.SUCCEEDED.name();
        run.detail = "HTTP " + status;
        run.nextAttemptAt = null;
        return;
      }
      failure = "HTTP " + status;
    } catch (IOException e) {
      failure = e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = "interrupted";
    }
    run.detail = failure;
    if (run.attempts >= config.webhook().maxAttempts()) {
      run.status = RunStatus.FAILED.name();
      run.nextAttemptAt = null;
      Log.warnf("webhook of run %s failed for good after %d attempts", run.id, run.attempts);
    } else {
      Duration backoff = config.webhook().initialBackoff().multipliedBy(1L << (run.attempts - 1));
      run.nextAttemptAt = now.plus(backoff);
    }
  }

  /** The fired event; its id is the run id, so every retry carries the same id. */
  private static EventEnvelope event(RunEntity run, AutomationEntity automation) {
    AutomationFired fired =
        new AutomationFired(
            automation.id.toString(),
            run.id.toString(),
            automation.owner,
            automation.title,
            run.occurrenceAt.toString(),
            Recurrence.LOCAL.format(run.occurrenceLocal),
            automation.tzid,
            "webhook");
    JsonNode data = EventJson.mapper().valueToTree(fired);
    return new EventEnvelope(
        run.id.toString(),
        ActionPublisher.FIRED_TYPE,
        ActionPublisher.SOURCE,
        run.firedAt,
        automation.id.toString(),
        data);
  }
}
