package dev.zoclone.gateway.ratelimit;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** This replica's token buckets, one per API token; full buckets are swept out as they pile up. */
@Singleton
public class TokenBuckets {
  /** Past this many buckets, full ones are dropped on the next new bucket. */
  private static final int SWEEP_ABOVE = 10_000;

  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final LongSupplier clock;

  public TokenBuckets() {
    this(System::nanoTime);
  }

  TokenBuckets(LongSupplier clock) {
    this.clock = clock;
  }

  /**
   * Takes one request from {@code key}'s bucket under {@code limits}: 0 when allowed, else the
   * nanoseconds until the next request will be.
   */
  public long take(String key, Limits limits) {
    long now = clock.getAsLong();
    TokenBucket bucket = buckets.get(key);
    if (bucket == null) {
      if (buckets.size() > SWEEP_ABOVE) {
        buckets.values().removeIf(existing -> existing.isFullAt(now));
      }
      bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(limits, now));
    }
    return bucket.take(limits, now);
  }
}
