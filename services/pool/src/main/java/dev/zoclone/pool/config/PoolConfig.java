package dev.zoclone.pool.config;

import dev.zoclone.contract.jobs.JobLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the pool service, under {@code zo.pool}. */
@ConfigMapping(prefix = "zo.pool")
public interface PoolConfig {

  /** How long a lease lives without a heartbeat; then the reaper requeues the job. */
  @WithDefault("30s")
  Duration leaseTtl();

  /** How often nodes are told to heartbeat; a third of the lease TTL leaves room for two misses. */
  @WithDefault("10s")
  Duration heartbeatInterval();

  /** A node not seen for this long is listed OFFLINE. */
  @WithDefault("30s")
  Duration nodeOfflineAfter();

  /** Attempts a job gets when its submission names none. */
  @WithDefault("3")
  int defaultMaxAttempts();

  /** Largest {@code max_attempts} a submission may ask for. */
  @WithDefault("" + JobLimits.DEFAULT_MAX_ATTEMPTS)
  int maxAttemptsLimit();

  /** Priorities range from minus this to this. */
  @WithDefault("" + JobLimits.DEFAULT_MAX_PRIORITY)
  int maxPriority();

  /** Largest {@code timeout_s} a submission may ask for (a day). */
  @WithDefault("" + JobLimits.DEFAULT_MAX_TIMEOUT_S)
  int maxTimeoutS();

  /** Time a node gets past a job's {@code timeout_s} before the server fails the attempt. */
  @WithDefault("10s")
  Duration timeoutGrace();

  /** How often the reaper looks for expired leases and timed-out attempts. */
  @WithDefault("1s")
  Duration reaperInterval();

  /** Most jobs the reaper handles in one transaction. */
  @WithDefault("500")
  int reaperBatch();

  /**
   * How often the service vacuums the queue's small tables ({@code ready_job}, {@code held_job}),
   * removing the index entries of the jobs leased or finished since (autovacuum visits a database
   * once a minute, too rarely for a busy queue).
   */
  @WithDefault("2s")
  Duration readyVacuumInterval();

  /** Most jobs one batch call may submit or complete. */
  @WithDefault("1000")
  int maxBatch();

  /** Retries of failed attempts. */
  Retry retry();

  /** Leasing by nodes. */
  Lease lease();

  /** Capped exponential backoff with jitter between attempts. */
  interface Retry {
    /** Delay before the second attempt; it doubles with each attempt. */
    @WithDefault("1s")
    Duration baseDelay();

    /** Longest delay between attempts. */
    @WithDefault("5m")
    Duration maxDelay();
  }

  /** Leasing by nodes. */
  interface Lease {
    /** Most jobs one lease call may take. */
    @WithDefault("100")
    int maxJobs();

    /** Longest long poll a node may ask for. */
    @WithDefault("30s")
    Duration maxWait();

    /**
     * While long-polling, look again this often even without a notification: picks up jobs whose
     * retry delay ran out, and covers a lost LISTEN connection.
     */
    @WithDefault("1s")
    Duration repollInterval();
  }
}
