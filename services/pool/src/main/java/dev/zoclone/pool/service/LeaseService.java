package dev.zoclone.pool.service;

import dev.zoclone.contract.jobs.JobKind;
import dev.zoclone.contract.pool.LeaseRequest;
import dev.zoclone.contract.pool.LeaseResponse;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.pool.config.PoolConfig;
import dev.zoclone.pool.metrics.PoolMeters;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
  private final PoolMeters meters;

  public LeaseService(
      Leaser leaser, ReadyJobSignals signals, PoolConfig config, PoolMeters meters) {
    this.leaser = leaser;
    this.signals = signals;
    this.config = config;
    this.meters = meters;
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
    CompletionBatch finished =
        CompletionBatch.of(
            "complete", request == null ? null : request.complete(), config.maxBatch());
    long deadline = System.nanoTime() + waitMs * 1_000_000;
    return attempt(owner, nodeId, maxJobs, kinds, finished, deadline)
        .map(outcome -> answer(finished, outcome));
  }

  private static LeaseResponse answer(CompletionBatch finished, Leaser.Outcome outcome) {
    if (finished.isEmpty()) {
      return new LeaseResponse(outcome.leased());
    }
    Set<String> done = new HashSet<>();
    outcome.completed().forEach(job -> done.add(job.id()));
    return new LeaseResponse(
        outcome.leased(),
        finished.ids().stream().filter(done::contains).toList(),
        finished.notIn(done));
  }

  /**
   * Records {@code finished} and leases; with nothing ready, waits for a signal and leases again
   * (the completions were committed by the first transaction, so a retry reports none).
   */
  private Uni<Leaser.Outcome> attempt(
      String owner,
      String nodeId,
      int maxJobs,
      List<String> kinds,
      CompletionBatch finished,
      long deadline) {
    CompletableFuture<Void> signal = signals.register(owner);
    return Uni.createFrom()
        .item(
            () -> {
              long started = System.nanoTime();
              Leaser.Outcome outcome = leaser.leaseNow(owner, nodeId, maxJobs, kinds, finished);
              meters.leaseTook(started, !outcome.leased().isEmpty());
              return outcome;
            })
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .onFailure()
        .invoke(() -> signals.unregister(owner, signal))
        .flatMap(
            outcome -> {
              long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
              if (!outcome.leased().isEmpty() || remainingMs <= 0) {
                signals.unregister(owner, signal);
                return Uni.createFrom().item(outcome);
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
                        return attempt(
                                owner, nodeId, maxJobs, kinds, CompletionBatch.NONE, deadline)
                            .map(
                                retried ->
                                    new Leaser.Outcome(retried.leased(), outcome.completed()));
                      });
            });
  }
}
