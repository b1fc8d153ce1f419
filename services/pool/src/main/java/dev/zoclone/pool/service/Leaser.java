package dev.zoclone.pool.service;

import dev.zoclone.contract.pool.LeasedJob;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.pool.JobStatus;
import dev.zoclone.pool.config.PoolConfig;
import dev.zoclone.pool.repository.JobBatchRepository.Changed;
import dev.zoclone.pool.repository.LeaseRepository;
import dev.zoclone.pool.repository.LeaseRepository.LeasedRow;
import dev.zoclone.pool.repository.LeaseRepository.Reported;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands ready jobs to a node in one transaction, up to its free slots, after recording the finished
 * jobs it reports in the same call: one round trip for both, one for the events, one for the
 * commit.
 */
@ApplicationScoped
public class Leaser {
  private final LeaseRepository leases;
  private final JobEvents events;
  private final PoolConfig config;

  public Leaser(LeaseRepository leases, JobEvents events, PoolConfig config) {
    this.leases = leases;
    this.events = events;
    this.config = config;
  }

  /** What one lease transaction did: the jobs handed out and the reported jobs it recorded. */
  public record Outcome(List<LeasedJob> leased, List<Changed> completed) {}

  /**
   * Records {@code finished} (each fenced by its lease token), then leases what is ready now into
   * the free slots, possibly nothing: only jobs of the {@code kinds} asked for (null: any) that the
   * node runs. 404 when the owner has no such node.
   */
  @Transactional
  public Outcome leaseNow(
      String owner, String nodeId, int maxJobs, List<String> kinds, CompletionBatch finished) {
    LeaseRepository.Outcome outcome =
        leases
            .completeAndLease(
                owner,
                nodeId,
                kinds,
                maxJobs,
                new Reported(finished.ids(), finished.tokens(), finished.results()),
                config.leaseTtl().toMillis(),
                config.timeoutGrace().toMillis())
            .orElseThrow(() -> ProblemException.notFound("node " + nodeId));
    List<JobEvents.Change> changes =
        new ArrayList<>(JobBatchService.succeeded(owner, nodeId, outcome.completed()));
    for (LeasedRow row : outcome.leased()) {
      LeasedJob job = row.job();
      changes.add(
          new JobEvents.Change(
              job.id(),
              owner,
              JobStatus.LEASED,
              job.attempt(),
              nodeId,
              null,
              row.idempotencyKey()));
    }
    events.changedAll(changes);
    return new Outcome(outcome.leased().stream().map(LeasedRow::job).toList(), outcome.completed());
  }
}
