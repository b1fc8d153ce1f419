package dev.zoclone.gateway.ratelimit;

/**
 * A token bucket's parameters.
 *
 * @param requestsPerSecond how fast the bucket refills
 * @param burst how many requests it holds when full
 */
public record Limits(double requestsPerSecond, int burst) {

  /** The share of these limits one of {@code replicas} replicas enforces. */
  Limits perReplica(int replicas) {
    if (replicas <= 1) {
      return this;
    }
    return new Limits(requestsPerSecond / replicas, Math.max(1, (burst + replicas - 1) / replicas));
  }
}
