package dev.zoclone.pool;

import java.util.Locale;

/** Where a job is in its life; the last four are terminal. */
public enum JobStatus {
  PENDING,
  LEASED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  DEAD,
  CANCELLED;

  /** Whether a node holds the job now. */
  public boolean held() {
    return this == LEASED || this == RUNNING;
  }

  /** The event type announcing that a job entered this status. */
  public String eventType() {
    return "zo.pool.job." + name().toLowerCase(Locale.ROOT);
  }
}
