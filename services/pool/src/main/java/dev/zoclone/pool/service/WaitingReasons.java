package dev.zoclone.pool.service;

import dev.zoclone.contract.pool.JobView;
import dev.zoclone.pool.JobStatus;
import dev.zoclone.pool.config.PoolConfig;
import dev.zoclone.pool.repository.NodeRepository;
import dev.zoclone.pool.repository.NodeRepository.Offer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Says why a pending job waits when none of its owner's live nodes can take it: none runs its kind,
 * or none of those that do has the labels its requirements ask for.
 */
@ApplicationScoped
public class WaitingReasons {
  private final NodeRepository nodes;
  private final PoolConfig config;

  public WaitingReasons(NodeRepository nodes, PoolConfig config) {
    this.nodes = nodes;
    this.config = config;
  }

  /** The job, with {@code waiting_for} set when it is PENDING and no live node can take it. */
  public JobView explain(String owner, JobView job) {
    if (!JobStatus.PENDING.name().equals(job.status())) {
      return job;
    }
    String reason =
        reason(
            job.kind(),
            job.requirements(),
            nodes.liveOffers(owner, config.nodeOfflineAfter().toMillis()));
    return reason == null ? job : job.withWaitingFor(reason);
  }

  /**
   * Why no node of {@code offers} takes a job of {@code kind} and {@code requirements}; or null.
   */
  static String reason(String kind, Map<String, String> requirements, List<Offer> offers) {
    List<Offer> runningKind = offers.stream().filter(o -> o.kinds().contains(kind)).toList();
    if (runningKind.isEmpty()) {
      return "no live node of yours offers kind '"
          + kind
          + "'"
          + (offers.isEmpty() ? " (none of your nodes is online)" : "");
    }
    Map<String, String> wanted = requirements == null ? Map.of() : requirements;
    boolean met =
        runningKind.stream().anyMatch(o -> o.labels().entrySet().containsAll(wanted.entrySet()));
    if (met) {
      return null;
    }
    return "no live node of yours that offers kind '"
        + kind
        + "' matches requirements "
        + new TreeMap<>(wanted);
  }
}
