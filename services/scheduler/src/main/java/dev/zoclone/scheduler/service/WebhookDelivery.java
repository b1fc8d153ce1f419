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
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * Delivers PENDING webhook runs without letting one receiver hold up another: a short transaction
 * claims due runs (at most {@code max-in-flight-per-owner} of one owner at once) and commits; the
 * signed POSTs then run concurrently outside any transaction, each cut off at the deadline (headers
 * and body); each result is recorded in its own short transaction, retried with exponential backoff
 * until the attempts run out.
 */
@ApplicationScoped
public class WebhookDelivery {
  /** Time past the deadline before a claim is taken again (a replica died mid-attempt). */
  private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);

  private final RunRepository runs;
  private final AutomationRepository automations;
  private final WebhookClient client;
  private final WebhookSecrets secrets;
  private final SchedulerConfig config;
  private final ExecutorService recorder =
      Executors.newFixedThreadPool(
          2,
          task -> {
            Thread thread = new Thread(task, "webhook-results");
            thread.setDaemon(true);
            return thread;
          });

  public WebhookDelivery(
      RunRepository runs,
      AutomationRepository automations,
      WebhookClient client,
      WebhookSecrets secrets,
      SchedulerConfig config) {
    this.runs = runs;
    this.automations = automations;
    this.client = client;
    this.secrets = secrets;
    this.config = config;
  }

  /** One claimed delivery: what to send where. */
  private record Attempt(UUID runId, int attemptsBefore, URI url, String secret, String body) {}

  /**
   * Starts one attempt for each delivery due at {@code now} and returns at once; the future answers
   * how many were attempted once every result is recorded.
   */
  public CompletableFuture<Integer> deliverDue(Instant now) {
    Instant claimedUntil = now.plus(config.webhook().timeout()).plus(CLAIM_MARGIN);
    List<Attempt> attempts = QuarkusTransaction.requiringNew().call(() -> claim(now, claimedUntil));
    List<CompletableFuture<Void>> recorded = new ArrayList<>(attempts.size());
    for (Attempt attempt : attempts) {
      recorded.add(
          send(attempt, now)
              .handleAsync((status, error) -> outcome(status, error), recorder)
              .thenAcceptAsync(outcome -> record(attempt, outcome, now), recorder)
              .exceptionally(
                  e -> {
                    Log.warnf("webhook result of run %s not recorded: %s", attempt.runId(), e);
                    return null;
                  }));
    }
    return CompletableFuture.allOf(recorded.toArray(CompletableFuture[]::new))
        .thenApply(done -> attempts.size());
  }

  private List<Attempt> claim(Instant now, Instant claimedUntil) {
    List<Attempt> attempts = new ArrayList<>();
    for (RunEntity run :
        runs.claimDeliveries(
            now,
            config.webhook().batchSize(),
            config.webhook().maxInFlightPerOwner(),
            claimedUntil)) {
      AutomationEntity automation = automations.findById(run.automationId);
      AutomationAction action = AutomationService.action(automation);
      String secret;
      try {
        secret = secrets.open(automation);
      } catch (WebhookSecrets.UnreadableSecretException e) {
        failForGood(run, e.getMessage());
        continue;
      }
      if (secret == null) {
        secret =
            action.secret(); // a row stored before secrets were sealed, not yet sealed at start
      }
      if (secret == null) {
        failForGood(run, "webhook secret missing: store the automation's action.secret again");
        continue;
      }
      attempts.add(
          new Attempt(
              run.id,
              run.attempts,
              URI.create(action.url()),
              secret,
              EventJson.write(event(run, automation))));
    }
    return attempts;
  }

  /** Fails a claimed run without an attempt: no retry can make its secret readable. */
  private static void failForGood(RunEntity run, String detail) {
    Log.warnf("webhook of run %s not sent: %s", run.id, detail);
    run.status = RunStatus.FAILED.name();
    run.detail = detail;
    run.nextAttemptAt = null;
    run.claimedUntil = null;
  }

  private CompletableFuture<Integer> send(Attempt attempt, Instant now) {
    try {
      return client.post(
          attempt.url(), attempt.body(), attempt.secret(), attempt.runId().toString(), now);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** How an attempt ended: accepted or not, and the detail stored with the run. */
  private record Outcome(boolean accepted, String detail) {}

  private Outcome outcome(Integer status, Throwable error) {
    if (error == null) {
      return new Outcome(status >= 200 && status < 300, "HTTP " + status);
    }
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof TimeoutException) {
      return new Outcome(false, "timed out after " + config.webhook().timeout().toSeconds() + "s");
    }
    return new Outcome(false, cause.getClass().getSimpleName() + ": " + cause.getMessage());
  }

  private void record(Attempt attempt, Outcome outcome, Instant now) {
    int attempts = attempt.attemptsBefore() + 1;
    String status;
    Instant next = null;
    if (outcome.accepted()) {
      status = RunStatus.SUCCEEDED.name();
    } else if (attempts >= config.webhook().maxAttempts()) {
      status = RunStatus.FAILED.name();
      Log.warnf("webhook of run %s failed for good after %d attempts", attempt.runId(), attempts);
    } else {
      status = RunStatus.PENDING.name();
      next = now.plus(config.webhook().initialBackoff().multipliedBy(1L << (attempts - 1)));
    }
    Instant nextAttempt = next;
    QuarkusTransaction.requiringNew()
        .run(() -> runs.recordAttempt(attempt.runId(), status, outcome.detail(), nextAttempt));
  }

  @PreDestroy
  void close() {
    recorder.shutdown();
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
