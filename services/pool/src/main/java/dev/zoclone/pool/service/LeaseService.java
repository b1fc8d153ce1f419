package dev.zoclone.pool.service;

import dev.zoclone.contract.pool.LeaseRequest;
import dev.zoclone.contract.pool.LeaseResponse;
import dev.zoclone.contract.pool.LeasedJob;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.pool.JobKind;
import dev.zoclone.pool.config.PoolConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Long-poll leasing: answers at once when jobs are ready, else waits up to {@code wait_ms} for a
 * ready-job signal without holding a thread, then leases again.
 */
@ApplicationScoped
public class LeaseService {
  private final Leaser leaser;
  private final ReadyJobSignals signals;
  private final PoolConfig config;

  public LeaseService(Leaser leaser, ReadyJobSignals signals, PoolConfig config) {
    this.leaser = leaser;
    this.signals = signals;
    this.config = config;
  }

  /** Leases jobs of {@code owner} for the node, waiting for some as the request allows. */
  public Uni<LeaseResponse> lease(String owner, String nodeId, LeaseRequest request) {
    int maxJobs = request == null || request.maxJobs() == null ? 1 : request.maxJobs();
    if (maxJobs < 1 || maxJobs > config.lease().maxJobs()) {
      throw ProblemException.badRequest(
          "max_jobs", "must be between 1 and " + config.lease().maxJobs());
    }
    long waitMs = request == null || request.waitMs() == null ? 0 : request.waitMs();
    long maxWait = config.lease().maxWait().toMillis();
    if (waitMs < 0 || waitMs > maxWait) {
      throw ProblemException.badRequest("wait_ms", "must be between 0 and " + maxWait);
    }
    List<String> kinds = request == null ? null : request.kinds();
    if (kinds != null && kinds.stream().anyMatch(k -> JobKind.parse(k).isEmpty())) {
      throw ProblemException.badRequest("kinds", "must name only shell, http, agent, skill");
    }
    long deadline = System.nanoTime() + waitMs * 1_000_000;
    return attempt(owner, nodeId, maxJobs, kinds, deadline).map(LeaseResponse::new);
  }

  private Uni<List<LeasedJob>> attempt(
      String owner, String nodeId, int maxJobs, List<String> kinds, long deadline) {
    CompletableFuture<Void> signal = signals.register(owner);
    return Uni.createFrom()
        .item(() -> leaser.leaseNow(owner, nodeId, maxJobs, kinds))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .onFailure()
        .invoke(() -> signals.unregister(owner, signal))
        .flatMap(
            jobs -> {
              long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
              if (!jobs.isEmpty() || remainingMs <= 0) {
                signals.unregister(owner, signal);
                return Uni.createFrom().item(jobs);
              }
              long waitMs = Math.min(remainingMs, config.lease().repollInterval().toMillis());
              return Uni.createFrom()
                  .completionStage(signal)
                  .ifNoItem()
                  .after(Duration.ofMillis(waitMs))
                  .recoverWithItem((Void) null)
                  .flatMap(
                      woken -> {
                        signals.unregister(owner, signal);
                        return attempt(owner, nodeId, maxJobs, kinds, deadline);
                      });
            });
  }
}
