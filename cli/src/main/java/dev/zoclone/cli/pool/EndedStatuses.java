package dev.zoclone.cli.pool;

import java.util.Set;

/** The statuses a job never leaves by itself: a watch of jobs stops once all are in one. */
final class EndedStatuses {
  /** Statuses a job never leaves by itself. */
  static final Set<String> JOBS = Set.of("SUCCEEDED", "FAILED", "DEAD", "CANCELLED");

  private EndedStatuses() {}
}
