package dev.zoclone.scheduler.service;

import dev.zoclone.platform.events.ProcessedEvents;
import dev.zoclone.scheduler.RunStatus;
import dev.zoclone.scheduler.repository.RunEntity;
import dev.zoclone.scheduler.repository.RunRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Records what an action's target reported about a run (an agent's result, a pool job's end). The
 * event id is remembered in the same transaction as the status change, so a redelivered event
 * changes nothing.
 */
@ApplicationScoped
public class RunResults {
  /** Longest detail stored with a run; outputs are summaries, not archives. */
  static final int MAX_DETAIL = 1000;

  private final RunRepository runs;
  private final ProcessedEvents processed;

  public RunResults(RunRepository runs, ProcessedEvents processed) {
    this.runs = runs;
    this.processed = processed;
  }

  /**
   * Sets the run's final status and detail unless {@code consumer} has handled {@code eventId}
   * before; answers whether a run changed.
   */
  @Transactional
  public boolean record(
      String consumer, String eventId, UUID runId, RunStatus status, String detail) {
    if (!processed.firstDelivery(consumer, eventId)) {
      Log.debugf("%s: event %s was handled already", consumer, eventId);
      return false;
    }
    RunEntity run = runs.findById(runId);
    if (run == null) {
      Log.debugf("%s: event %s names run %s, which is not ours", consumer, eventId, runId);
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
