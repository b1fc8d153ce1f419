package dev.zoclone.gateway.service;

import dev.zoclone.gateway.Caller;
import dev.zoclone.gateway.config.GatewayConfig;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tokens this replica verified against the database lately, by hash, so that a burst of requests
 * with one token reads the database once per {@code zo.gateway.token-cache-ttl}. A token revoked
 * here is forgotten as soon as its revocation commits; one revoked through another replica keeps
 * working here until its entry expires.
 */
@Singleton
public class VerifiedTokens {
  /** Past this many entries, expired ones are swept out on the next insert. */
  private static final int SWEEP_ABOVE = 1024;

  private final long ttlNanos;
  private final Map<String, Verified> byHash = new ConcurrentHashMap<>();

  /**
   * Counts forgettings; a lookup that began before one may have read a row that is gone now, so
   * what it found is not kept.
   */
  private final AtomicLong forgettings = new AtomicLong();

  @Inject
  public VerifiedTokens(GatewayConfig config) {
    this(config.tokenCacheTtl());
  }

  VerifiedTokens(Duration ttl) {
    this.ttlNanos = ttl.toNanos();
  }

  /** A token as verified: its row's id and its owner. */
  record Verified(String tokenId, Caller caller, long expiresAtNanos) {}

  /** The state to pass to {@link #remember} after reading the database. */
  long generation() {
    return forgettings.get();
  }

  /** The token verified under {@code hash}, unless its entry expired. */
  Optional<Verified> find(String hash) {
    Verified verified = byHash.get(hash);
    if (verified == null) {
      return Optional.empty();
    }
    if (System.nanoTime() - verified.expiresAtNanos() >= 0) {
      byHash.remove(hash, verified);
      return Optional.empty();
    }
    return Optional.of(verified);
  }

  /**
   * Keeps a token read from the database at {@code generation}, unless something was forgotten
   * since (it may have been this very token, revoked while it was read).
   */
  void remember(String tokenId, String hash, Caller caller, long generation) {
    if (ttlNanos <= 0) {
      return;
    }
    long now = System.nanoTime();
    if (byHash.size() > SWEEP_ABOVE) {
      byHash.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
    }
    Verified verified = new Verified(tokenId, caller, now + ttlNanos);
    byHash.put(hash, verified);
    // Checked after the insert: a forgetting that ran before it shows here, one after removes it.
    if (forgettings.get() != generation) {
      byHash.remove(hash, verified);
    }
  }

  /** Forgets a token once its revocation has committed, so it stops working at once. */
  void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokenRevoked revoked) {
    forget(revoked.tokenId());
  }

  /** Forgets the token with this row id. */
  public void forget(String tokenId) {
    forgettings.incrementAndGet();
    byHash.values().removeIf(entry -> entry.tokenId().equals(tokenId));
  }

  /** A token was deleted; observed after the deletion commits. */
  public record TokenRevoked(String tokenId) {}
}
