package dev.zoclone.gateway.ratelimit;

import dev.zoclone.gateway.Caller;
import dev.zoclone.gateway.GatewayProblems;
import dev.zoclone.gateway.repository.UserRepository;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which limits apply to a user: their override if an admin set one, else the platform default.
 * Overrides read from the database are reused for {@code zo.gateway.rate-limit.override-cache-ttl};
 * one changed through this replica applies here at once.
 */
@Singleton
public class UserLimits {
  /** Past this many cached users, expired entries are swept out on the next insert. */
  private static final int SWEEP_ABOVE = 10_000;

  private final UserRateLimitRepository overrides;
  private final UserRepository users;
  private final Limits defaults;
  private final long ttlNanos;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public UserLimits(
      UserRateLimitRepository overrides, UserRepository users, RateLimitConfig config) {
    this.overrides = overrides;
    this.users = users;
    this.defaults = new Limits(config.requestsPerSecond(), config.burst());
    this.ttlNanos = config.overrideCacheTtl().toNanos();
  }

  /** The limits of one user, and whether they are the user's own or the default. */
  public record Effective(Limits limits, boolean overridden) {}

  private record Cached(Effective effective, long expiresAtNanos) {}

  /** The limits of {@code userId} if known without the database; never blocks. */
  public Optional<Effective> cached(String userId) {
    Cached cached = cache.get(userId);
    if (cached == null || System.nanoTime() - cached.expiresAtNanos() >= 0) {
      return Optional.empty();
    }
    return Optional.of(cached.effective());
  }

  /** The limits of {@code userId}, read from the database (blocking) and cached. */
  @Transactional
  public Effective load(String userId) {
    Effective effective =
        overrides
            .findByIdOptional(userId)
            .map(row -> new Effective(new Limits(row.requestsPerSecond, row.burst), true))
            .orElse(new Effective(defaults, false));
    long now = System.nanoTime();
    if (cache.size() > SWEEP_ABOVE) {
      cache.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
    }
    cache.put(userId, new Cached(effective, now + ttlNanos));
    return effective;
  }

  /** The limits of {@code userId} as the admin or the user themselves may see them; else 404. */
  @Transactional
  public Effective view(Caller caller, String userId) {
    if (!caller.admin() && !caller.id().equals(userId)) {
      throw noSuchUser(userId);
    }
    requireUser(userId);
    return load(userId);
  }

  /** Sets {@code userId}'s override (admin only). */
  @Transactional
  public Effective set(Caller caller, String userId, Limits limits) {
    requireAdmin(caller);
    requireUser(userId);
    UserRateLimitEntity row =
        overrides.findByIdOptional(userId).orElseGet(UserRateLimitEntity::new);
    row.userId = userId;
    row.requestsPerSecond = limits.requestsPerSecond();
    row.burst = limits.burst();
    row.updatedAt = Instant.now();
    overrides.persist(row);
    cache.remove(userId);
    Log.infof(
        "user %s set the rate limit of %s to %s/s, burst %d",
        caller.id(), userId, limits.requestsPerSecond(), limits.burst());
    return new Effective(limits, true);
  }

  /** Removes {@code userId}'s override, so the default applies again (admin only). */
  @Transactional
  public Effective reset(Caller caller, String userId) {
    requireAdmin(caller);
    requireUser(userId);
    overrides.deleteById(userId);
    cache.remove(userId);
    return new Effective(defaults, false);
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.admin()) {
      throw GatewayProblems.forbidden("Only an admin may change rate limits");
    }
  }

  private void requireUser(String userId) {
    if (users.findByIdOptional(userId).isEmpty()) {
      throw noSuchUser(userId);
    }
  }

  private static ProblemException noSuchUser(String userId) {
    return ProblemException.notFound("User " + userId);
  }
}
