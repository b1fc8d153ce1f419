package dev.zoclone.pool.service;

import dev.zoclone.contract.jobs.JobKind;
import dev.zoclone.contract.pool.LeasedJob;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.pool.JobStatus;
import dev.zoclone.pool.config.PoolConfig;
import dev.zoclone.pool.repository.JobBatchRepository.Changed;
import dev.zoclone.pool.repository.JobRepository;
import dev.zoclone.pool.repository.JobRepository.LeasedRow;
import dev.zoclone.pool.repository.NodeRepository;
import dev.zoclone.pool.repository.NodeRepository.Capacity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands ready jobs to a node in one transaction, up to its free slots, after recording the finished
 * jobs it reports in the same call.
 */
@ApplicationScoped
public class Leaser {
  private final NodeRepository nodes;
  private final JobRepository jobs;
  private final JobBatchService batches;
  private final JobEvents events;
  private final PoolConfig config;

  public Leaser(
      NodeRepository nodes,
      JobRepository jobs,
      JobBatchService batches,
      JobEvents events,
      PoolConfig config) {
    this.nodes = nodes;
    this.jobs = jobs;
    this.batches = batches;
    this.events = events;
    this.config = config;
  }

  /** What one lease transaction did: the jobs handed out and the reported jobs it recorded. */
  public record Outcome(List<LeasedJob> leased, List<Changed> completed) {}

  /**
   * Records {@code finished} (each fenced by its lease token), then leases what is ready now into
   * the free slots, possibly nothing; 404 when the owner has no such node.
   */
  @Transactional
  public Outcome leaseNow(
      String owner, String nodeId, int maxJobs, List<String> kinds, CompletionBatch finished) {
    Capacity node =
        nodes
            .lockCapacity(owner, nodeId)
            .orElseThrow(() -> ProblemException.notFound("node " + nodeId));
    List<Changed> completed = batches.completeAll(owner, nodeId, finished);
    // the node's row lock was taken before the completions, so its count still held them
    int wanted = Math.min(maxJobs, node.freeSlots() + completed.size());
    List<String> offered = offered(kinds, node.kinds());
    List<LeasedRow> leased =
        wanted <= 0 || (offered != null && offered.isEmpty())
            ? List.of()
            : jobs.lease(
                owner,
                nodeId,
                node.labelsJson(),
                offered,
                wanted,
                config.leaseTtl().toMillis(),
                config.timeoutGrace().toMillis());
    List<JobEvents.Change> changes =
        new ArrayList<>(JobBatchService.succeeded(owner, nodeId, completed));
    for (LeasedRow row : leased) {
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
    return new Outcome(leased.stream().map(LeasedRow::job).toList(), completed);
  }

  /**
   * The kinds this lease may hand out: those asked for that the node registered with; null when
   * that is every kind (the query then needs no kind filter).
   */
  static List<String> offered(List<String> asked, List<String> registered) {
    List<String> both =
        asked == null ? registered : asked.stream().filter(registered::contains).toList();
    return both.containsAll(JobKind.ALL) ? null : both;
  }
}
