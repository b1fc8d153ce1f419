package dev.zoclone.gateway.ratelimit;

/**
 * One token's bucket: it holds up to {@code burst} requests and refills at {@code
 * requests_per_second}; a request takes one, or is told how long until one is there.
 */
final class TokenBucket {
  private static final double NANOS_PER_SECOND = 1e9;

  private Limits limits;
  private double available;
  private long refilledAtNanos;

  TokenBucket(Limits limits, long nowNanos) {
    this.limits = limits;
    this.available = limits.burst();
    this.refilledAtNanos = nowNanos;
  }

  /**
   * Takes one request's worth under {@code limits} (which may have changed since the last call);
   * answers 0 when taken, or the nanoseconds until one will be there.
   */
  synchronized long take(Limits current, long nowNanos) {
    limits = current;
    double elapsedSeconds = Math.max(0, nowNanos - refilledAtNanos) / NANOS_PER_SECOND;
    available = Math.min(limits.burst(), available + elapsedSeconds * limits.requestsPerSecond());
    refilledAtNanos = nowNanos;
    if (available >= 1) {
      available -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - available) / limits.requestsPerSecond() * NANOS_PER_SECOND);
  }

  /** Whether the bucket is full at {@code nowNanos}, so that forgetting it changes nothing. */
  synchronized boolean isFullAt(long nowNanos) {
    double elapsedSeconds = Math.max(0, nowNanos - refilledAtNanos) / NANOS_PER_SECOND;
    return available + elapsedSeconds * limits.requestsPerSecond() >= limits.burst();
  }
}
