package dev.zoclone.pool.service;

import dev.zoclone.contract.jobs.JobKind;
import dev.zoclone.contract.pool.HeartbeatRequest;
import dev.zoclone.contract.pool.HeartbeatResponse;
import dev.zoclone.contract.pool.NodeView;
import dev.zoclone.contract.pool.RegisterNodeRequest;
import dev.zoclone.contract.pool.RegisteredNode;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.pool.JobStatus;
import dev.zoclone.pool.config.PoolConfig;
import dev.zoclone.pool.repository.JobBatchRepository;
import dev.zoclone.pool.repository.JobRepository;
import dev.zoclone.pool.repository.NodeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The node registry: registration, heartbeats that renew leases and carry cancellations. */
@ApplicationScoped
public class NodeService {
  private static final int MAX_SLOTS = 1024;
  private static final int MAX_NAME = 200;

  private final NodeRepository nodes;
  private final JobRepository jobs;
  private final JobBatchRepository batches;
  private final JobEvents events;
  private final PoolConfig config;

  public NodeService(
      NodeRepository nodes,
      JobRepository jobs,
      JobBatchRepository batches,
      JobEvents events,
      PoolConfig config) {
    this.nodes = nodes;
    this.jobs = jobs;
    this.batches = batches;
    this.events = events;
    this.config = config;
  }

  /** Registers a node of {@code owner}; it will take only that owner's jobs. */
  @Transactional
  public RegisteredNode register(String owner, RegisterNodeRequest request) {
    if (request == null) {
      throw ProblemException.badRequest("body", "name and slots are required");
    }
    if (request.name() == null || request.name().isBlank() || request.name().length() > MAX_NAME) {
      throw ProblemException.badRequest("name", "must be 1 to " + MAX_NAME + " characters");
    }
    int slots = request.slots() == null ? 1 : request.slots();
    if (slots < 1 || slots > MAX_SLOTS) {
      throw ProblemException.badRequest("slots", "must be between 1 and " + MAX_SLOTS);
    }
    Map<String, String> labels = request.labels() == null ? Map.of() : request.labels();
    if (labels.entrySet().stream().anyMatch(e -> e.getKey().isBlank() || e.getValue() == null)) {
      throw ProblemException.badRequest("labels", "labels need a name and a value");
    }
    String id = "node-" + UUID.randomUUID();
    nodes.insert(id, owner, request.name().strip(), labels, slots, kinds(request.kinds()));
    return new RegisteredNode(
        id, config.heartbeatInterval().toMillis(), config.leaseTtl().toMillis());
  }

  /** The kinds a node registers with: each a known kind, at least one; every kind when null. */
  private static List<String> kinds(List<String> requested) {
    if (requested == null) {
      return JobKind.ALL;
    }
    if (requested.isEmpty()
        || requested.stream().anyMatch(k -> k == null || JobKind.parse(k).isEmpty())) {
      throw ProblemException.badRequest(
          "kinds", "must name at least one of " + String.join(", ", JobKind.ALL));
    }
    return requested.stream().distinct().toList();
  }

  /**
   * Records that the node is alive, renews the leases of the jobs it holds and reports, marks them
   * RUNNING, and answers which of those it must stop.
   */
  @Transactional
  public HeartbeatResponse heartbeat(String owner, String nodeId, HeartbeatRequest request) {
    if (!nodes.touch(owner, nodeId)) {
      throw ProblemException.notFound("node " + nodeId);
    }
    List<String> running =
        request == null || request.running() == null ? List.of() : request.running();
    jobs.renewLeases(nodeId, running, config.leaseTtl().toMillis());
    events.changedAll(
        batches.markRunning(nodeId, running).stream()
            .map(
                job ->
                    new JobEvents.Change(
                        job.id(),
                        owner,
                        JobStatus.RUNNING,
                        job.attempts(),
                        nodeId,
                        null,
                        job.idempotencyKey()))
            .toList());
    return new HeartbeatResponse(jobs.notHeldBy(nodeId, running));
  }

  /** The owner's nodes. */
  @Transactional
  public List<NodeView> list(String owner) {
    return nodes.list(owner, config.nodeOfflineAfter().toMillis());
  }

  /**
   * Removes the owner's node; refused with 409 while it is ONLINE (stop {@code zo node} first) or
   * still holds jobs, so no running job loses its node.
   */
  @Transactional
  public void remove(String owner, String id) {
    NodeView node =
        nodes
            .lock(owner, id, config.nodeOfflineAfter().toMillis())
            .orElseThrow(() -> ProblemException.notFound("node " + id));
    if ("ONLINE".equals(node.status())) {
      throw ProblemException.conflict(
          "node-online",
          "node "
              + id
              + " is ONLINE: stop zo node on it first; it is listed OFFLINE "
              + config.nodeOfflineAfter().toSeconds()
              + " s after its last heartbeat");
    }
    if (node.activeJobs() > 0) {
      throw ProblemException.conflict(
          "node-busy",
          "node " + id + " still holds " + node.activeJobs() + " jobs until their leases expire");
    }
    nodes.delete(owner, id);
  }
}
