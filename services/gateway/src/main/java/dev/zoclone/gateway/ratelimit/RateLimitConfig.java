package dev.zoclone.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Per-token rate limits of the gateway, under {@code zo.gateway.rate-limit}. */
@ConfigMapping(prefix = "zo.gateway.rate-limit")
public interface RateLimitConfig {

  /** Requests per second each token may make when its user has no override. */
  @WithDefault("20")
  double requestsPerSecond();

  /** How many requests a token may make at once, above its steady rate, with no override. */
  @WithDefault("40")
  int burst();

  /**
   * How many gateway replicas share the traffic. Each replica keeps its own buckets and enforces
   * the limit divided by this count, so the platform-wide limit holds when a load balancer spreads
   * a token's requests over the replicas (a token whose requests all reach one replica gets less).
   */
  @WithDefault("1")
  int replicas();

  /**
   * How long a user's override, read from the database, is reused; one set through another replica
   * applies here within this long (through this one, at once).
   */
  @WithDefault("5s")
  Duration overrideCacheTtl();
}
