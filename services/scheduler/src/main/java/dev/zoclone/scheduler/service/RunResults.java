package dev.zoclone.scheduler.service;

import dev.zoclone.platform.events.ProcessedEvents;
import dev.zoclone.scheduler.RunStatus;
import dev.zoclone.scheduler.repository.AutomationEntity;
import dev.zoclone.scheduler.repository.AutomationRepository;
import dev.zoclone.scheduler.repository.RunEntity;
import dev.zoclone.scheduler.repository.RunRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.UUID;

/**
 * Records what an action's target reported about a run (an agent's result, a pool job's end). The
 * event id is remembered in the same transaction as the status change, so a redelivered event
 * changes nothing. An event changes a run only when it matches it: the run's action type, its owner
 * (when the event names one) and a status that is still open to change (FIRED, or FAILED for a job
 * its owner retried); anything else, such as a job another user submitted with the run's
 * idempotency key, is ignored.
 */
@ApplicationScoped
public class RunResults {
  /** Longest detail stored with a run; outputs are summaries, not archives. */
  static final int MAX_DETAIL = 1000;

  private static final Set<String> OPEN = Set.of(RunStatus.FIRED.name(), RunStatus.FAILED.name());

  private final RunRepository runs;
  private final AutomationRepository automations;
  private final ProcessedEvents processed;

  public RunResults(
      RunRepository runs, AutomationRepository automations, ProcessedEvents processed) {
    this.runs = runs;
    this.automations = automations;
    this.processed = processed;
  }

  /**
   * What an event claims about the run it names.
   *
   * @param actionType the action type whose target sends such events ({@code ask}, {@code job})
   * @param owner the owner the event names, or null when its kind of event names none
   */
  public record Claim(String actionType, String owner) {}

  /**
   * Sets the run's final status and detail unless {@code consumer} has handled {@code eventId}
   * before or the event does not match the run; answers whether a run changed.
   */
  @Transactional
  public boolean record(
      String consumer, String eventId, UUID runId, RunStatus status, String detail, Claim claim) {
    if (!processed.firstDelivery(consumer, eventId)) {
      Log.debugf("%s: event %s was handled already", consumer, eventId);
      return false;
    }
    RunEntity run = runs.findById(runId);
    if (run == null) {
      Log.debugf("%s: event %s names run %s, which is not ours", consumer, eventId, runId);
      return false;
    }
    AutomationEntity automation = automations.findById(run.automationId);
    String actionType = automation == null ? null : AutomationService.action(automation).type();
    if (!claim.actionType().equals(actionType)
        || claim.owner() != null && !claim.owner().equals(run.owner)
        || !OPEN.contains(run.status)) {
      Log.warnf(
          "%s: event %s does not match run %s (type, owner or status): ignored",
          consumer, eventId, runId);
      return false;
    }
    run.status = status.name();
    run.detail =
        detail == null || detail.length() <= MAX_DETAIL
            ? detail
            : detail.substring(0, MAX_DETAIL - 3) + "...";
    return true;
  }
}
