package dev.zoclone.scheduler;

/** Where a run stands. */
public enum RunStatus {
  /** Sent on to its target (an agent request, a pool job, a Kafka record); no result yet. */
  FIRED,
  /** A webhook waiting for (another) delivery attempt. */
  PENDING,
  /** The target reported success, or the webhook answered 2xx. */
  SUCCEEDED,
  /** The target reported failure, or the webhook failed on every attempt. */
  FAILED
}
