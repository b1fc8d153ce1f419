package dev.zoclone.scheduler.service;

import dev.zoclone.contract.scheduler.AutomationAction;
import dev.zoclone.contract.scheduler.AutomationFired;
import dev.zoclone.scheduler.CatchUp;
import dev.zoclone.scheduler.RunStatus;
import dev.zoclone.scheduler.config.SchedulerConfig;
import dev.zoclone.scheduler.messaging.ActionPublisher;
import dev.zoclone.scheduler.repository.AutomationEntity;
import dev.zoclone.scheduler.repository.AutomationRepository;
import dev.zoclone.scheduler.repository.RunRepository;
import dev.zoclone.scheduler.service.RecurrenceExpander.Checkpoint;
import dev.zoclone.scheduler.service.RecurrenceExpander.Found;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Fires due occurrences exactly once. Each pass locks a batch of due automations with {@code FOR
 * UPDATE SKIP LOCKED}, records one run per occurrence (unique on automation and occurrence), queues
 * its events through the outbox and moves {@code next_run_at} on, all in one transaction: a replica
 * that dies mid-pass fires nothing, and two replicas never hold the same automation.
 */
@ApplicationScoped
public class FiringService {
  private final AutomationRepository automations;
  private final RunRepository runs;
  private final RecurrenceExpander expander;
  private final ActionPublisher publisher;
  private final SchedulerConfig config;
  private final FireObserver observer;

  public FiringService(
      AutomationRepository automations,
      RunRepository runs,
      RecurrenceExpander expander,
      ActionPublisher publisher,
      SchedulerConfig config,
      FireObserver observer) {
    this.automations = automations;
    this.runs = runs;
    this.expander = expander;
    this.publisher = publisher;
    this.config = config;
    this.observer = observer;
  }

  /** Fires everything due at {@code now}; answers how many runs were recorded. */
  public int fireDue(Instant now) {
    return fireDue(now, () -> {});
  }

  /**
   * Fires everything due at {@code now}, one transaction per batch, running {@code afterEachBatch}
   * after each committed batch that fired something (the ticker relays its events right away, so
   * the first of a large burst reach Kafka before the last are fired). Answers how many runs were
   * recorded.
   */
  public int fireDue(Instant now, Runnable afterEachBatch) {
    int fired = 0;
    while (true) {
      Pass pass = QuarkusTransaction.requiringNew().call(() -> firePass(now));
      fired += pass.fired();
      if (pass.fired() > 0) {
        afterEachBatch.run();
      }
      if (pass.claimed() < config.ticker().batchSize()) {
        return fired;
      }
    }
  }

  /** The earliest stored next run of an active automation, if any. */
  public Optional<Instant> nextDue() {
    return QuarkusTransaction.requiringNew().call(automations::nextDue);
  }

  private Pass firePass(Instant now) {
    List<AutomationEntity> due = automations.claimDue(now, config.ticker().batchSize());
    int fired = 0;
    for (AutomationEntity automation : due) {
      fired += fire(automation, now);
    }
    return new Pass(due.size(), fired);
  }

  private int fire(AutomationEntity automation, Instant now) {
    Recurrence recurrence;
    List<ZonedDateTime> due;
    Checkpoint checkpoint = AutomationService.checkpoint(automation);
    try {
      recurrence = AutomationService.recurrenceOf(automation);
      due =
          expander
              .between(
                  recurrence,
                  checkpoint,
                  automation.nextRunAt.minusNanos(1),
                  now,
                  config.maxCatchUp() + 1)
              .stream()
              .map(Found::at)
              .toList();
    } catch (InvalidRecurrenceException e) {
      Log.errorf("automation %s cannot be expanded any more, pausing it: %s", automation.id, e);
      automation.active = false;
      return 0;
    }
    List<ZonedDateTime> chosen = choose(CatchUp.valueOf(automation.catchUp), due, now);
    Instant resumeAfter = now;
    if (chosen.size() > config.maxCatchUp()) {
      chosen = chosen.subList(0, config.maxCatchUp());
      resumeAfter = chosen.get(chosen.size() - 1).toInstant();
    }
    AutomationAction action = AutomationService.action(automation);
    String status =
        "webhook".equals(action.type()) ? RunStatus.PENDING.name() : RunStatus.FIRED.name();
    int fired = 0;
    for (ZonedDateTime occurrence : chosen) {
      UUID runId = UUID.randomUUID();
      if (runs.insertOnce(
          runId,
          automation.id,
          automation.owner,
          occurrence.toInstant(),
          occurrence.toLocalDateTime(),
          now,
          status)) {
        AutomationFired event = fired(automation, action, runId, occurrence);
        observer.fire(
            automation.id.toString(),
            action.type(),
            occurrence.toInstant(),
            now,
            () -> publisher.publish(event, action));
        fired++;
      }
    }
    if (due.size() > chosen.size()) {
      Log.infof(
          "automation %s: %d missed occurrence(s) not fired (catch_up=%s)",
          automation.id, due.size() - chosen.size(), automation.catchUp);
    }
    AutomationService.setNextRun(
        automation, recurrence, expander.after(recurrence, checkpoint, resumeAfter, 1));
    automation.updatedAt = now;
    return fired;
  }

  /**
   * The occurrences to fire. Those due within the misfire grace are on time and always fire; older
   * ones were missed, and the catch-up policy decides: none, one (the latest), or all.
   */
  private List<ZonedDateTime> choose(CatchUp catchUp, List<ZonedDateTime> due, Instant now) {
    Instant graceStart = now.minus(config.misfireGrace());
    List<ZonedDateTime> missed = new ArrayList<>();
    List<ZonedDateTime> onTime = new ArrayList<>();
    for (ZonedDateTime occurrence : due) {
      (occurrence.toInstant().isBefore(graceStart) ? missed : onTime).add(occurrence);
    }
    List<ZonedDateTime> chosen = new ArrayList<>();
    switch (catchUp) {
      case ALL -> chosen.addAll(missed);
      case ONCE -> {
        if (!missed.isEmpty()) {
          chosen.add(missed.get(missed.size() - 1));
        }
      }
      case SKIP -> {
        // missed occurrences are dropped
      }
    }
    chosen.addAll(onTime);
    return chosen;
  }

  private static AutomationFired fired(
      AutomationEntity automation, AutomationAction action, UUID runId, ZonedDateTime occurrence) {
    return new AutomationFired(
        automation.id.toString(),
        runId.toString(),
        automation.owner,
        automation.title,
        occurrence.toInstant().truncatedTo(ChronoUnit.SECONDS).toString(),
        Recurrence.LOCAL.format(occurrence.toLocalDateTime()),
        automation.tzid,
        action.type());
  }

  /** What one transaction did: automations claimed, runs recorded. */
  private record Pass(int claimed, int fired) {}
}
