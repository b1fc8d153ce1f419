package dev.zoclone.pool.service;

import dev.zoclone.contract.pool.LeasedJob;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.pool.JobStatus;
import dev.zoclone.pool.config.PoolConfig;
import dev.zoclone.pool.repository.JobRepository;
import dev.zoclone.pool.repository.NodeRepository;
import dev.zoclone.pool.repository.NodeRepository.Capacity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Hands ready jobs to a node in one transaction, up to its free slots. */
@ApplicationScoped
public class Leaser {
  private final NodeRepository nodes;
  private final JobRepository jobs;
  private final JobEvents events;
  private final PoolConfig config;

  public Leaser(NodeRepository nodes, JobRepository jobs, JobEvents events, PoolConfig config) {
    this.nodes = nodes;
    this.jobs = jobs;
    this.events = events;
    this.config = config;
  }

  /** Leases what is ready now, possibly nothing; 404 when the owner has no such node. */
  @Transactional
  public List<LeasedJob> leaseNow(String owner, String nodeId, int maxJobs, List<String> kinds) {
    Capacity node =
        nodes
            .lockCapacity(owner, nodeId)
            .orElseThrow(() -> ProblemException.notFound("node " + nodeId));
    int wanted = Math.min(maxJobs, node.freeSlots());
    if (wanted <= 0) {
      return List.of();
    }
    List<LeasedJob> leased =
        jobs.lease(
            owner,
            nodeId,
            node.labelsJson(),
            kinds,
            wanted,
            config.leaseTtl().toMillis(),
            config.timeoutGrace().toMillis());
    events.changedAll(
        leased.stream()
            .map(
                job ->
                    new JobEvents.Change(
                        job.id(), owner, JobStatus.LEASED, job.attempt(), nodeId, null))
            .toList());
    return leased;
  }
}
