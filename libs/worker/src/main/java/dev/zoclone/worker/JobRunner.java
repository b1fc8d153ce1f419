package dev.zoclone.worker;

import dev.zoclone.contract.pool.LeasedJob;

/** Runs the jobs of one kind on this node. */
interface JobRunner {
  /** Runs one attempt; {@code running} lets a cancellation reach the job's process or request. */
  JobOutcome run(LeasedJob job, RunningJob running) throws InterruptedException;
}
