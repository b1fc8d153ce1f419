package dev.zoclone.pool.service;

import dev.zoclone.platform.quota.OwnerQuotas;
import dev.zoclone.pool.repository.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many jobs one user may have waiting in the queue ({@code zo.quota.pending-jobs}); a
 * submission past it is a 429 quota-exceeded problem with {@code Retry-After}, since the queue
 * drains by itself.
 */
@ApplicationScoped
public class PendingJobQuota {
  private static final int RETRY_AFTER_SECONDS = 10;

  private final OwnerQuotas quotas;
  private final JobRepository jobs;
  private final long maxPending;

  public PendingJobQuota(
      OwnerQuotas quotas,
      JobRepository jobs,
      @ConfigProperty(name = "zo.quota.pending-jobs") long maxPending) {
    this.quotas = quotas;
    this.jobs = jobs;
    this.maxPending = maxPending;
  }

  /** Refuses, inside the submitting transaction, {@code adding} more jobs past the quota. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void requireRoom(String owner, int adding) {
    quotas.requireRoomOrRetry(
        "pending jobs",
        owner,
        maxPending,
        adding,
        () -> jobs.countPending(owner),
        RETRY_AFTER_SECONDS);
  }
}
