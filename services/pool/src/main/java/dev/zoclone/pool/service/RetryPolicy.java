package dev.zoclone.pool.service;

import dev.zoclone.pool.config.PoolConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with "equal jitter": after attempt n the delay is between half and all
 * of {@code min(max, base * 2^(n-1))}, so retries of jobs that failed together spread out.
 */
@ApplicationScoped
public class RetryPolicy {
  private final PoolConfig config;

  public RetryPolicy(PoolConfig config) {
    this.config = config;
  }

  /** The delay before the attempt after {@code attempts} failed ones, in milliseconds. */
  public long delayMs(int attempts) {
    long ceiling = ceilingMs(attempts);
    long half = ceiling / 2;
    return half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
  }

  /** The largest delay after {@code attempts} failed attempts, before jitter. */
  public long ceilingMs(int attempts) {
    long base = config.retry().baseDelay().toMillis();
    long max = config.retry().maxDelay().toMillis();
    int doublings = Math.max(0, Math.min(attempts - 1, 30));
    return Math.min(max, base << doublings);
  }
}
