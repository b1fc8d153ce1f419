package dev.zoclone.gateway.web;

import dev.zoclone.gateway.Caller;
import dev.zoclone.gateway.config.ConsoleConfig;
import dev.zoclone.gateway.config.GatewayConfig;
import dev.zoclone.gateway.repository.ConsoleSessionEntity;
import dev.zoclone.gateway.repository.ConsoleSessionRepository;
import dev.zoclone.gateway.repository.TokenEntity;
import dev.zoclone.gateway.repository.TokenRepository;
import dev.zoclone.gateway.service.TokenMint;
import dev.zoclone.gateway.service.VerifiedTokens;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Console sessions: signs in with a token, finds the caller of a session cookie, signs out. A
 * session verified lately is answered from memory for {@code zo.gateway.token-cache-ttl}, like a
 * token; revoking its token ends it at once on this replica and within that time on the others.
 */
@ApplicationScoped
public class ConsoleSessions {
  private final ConsoleSessionRepository sessions;
  private final TokenRepository tokens;
  private final Duration ttl;
  private final long cacheNanos;
  private final Map<String, Cached> byHash = new ConcurrentHashMap<>();
  private final AtomicLong forgettings = new AtomicLong();

  public ConsoleSessions(
      ConsoleSessionRepository sessions,
      TokenRepository tokens,
      ConsoleConfig console,
      GatewayConfig gateway) {
    this.sessions = sessions;
    this.tokens = tokens;
    this.ttl = console.sessionTtl();
    this.cacheNanos = gateway.tokenCacheTtl().toNanos();
  }

  /** A session just signed in: the cookie's value (shown once) and who it is for. */
  public record SignedIn(String cookieValue, Caller caller) {}

  private record Cached(String tokenId, Caller caller, long expiresAtNanos) {}

  /** How long a session lasts. */
  public Duration ttl() {
    return ttl;
  }

  /** A new session for the owner of {@code token}; empty when it is not a live token. */
  @Transactional
  public Optional<SignedIn> signIn(String token) {
    if (!TokenMint.hasTokenShape(token)) {
      return Optional.empty();
    }
    Optional<TokenEntity> found = tokens.findByHash(TokenMint.hash(token));
    return found.map(
        row -> {
          String value = SessionCookie.newValue();
          ConsoleSessionEntity session = new ConsoleSessionEntity();
          session.hash = SessionCookie.hash(value);
          session.token = row;
          session.createdAt = Instant.now();
          session.expiresAt = session.createdAt.plus(ttl);
          sessions.persist(session);
          Log.infof("user %s signed in to the console with token %s", row.user.id, row.id);
          return new SignedIn(value, new Caller(row.user.id, row.user.name, row.user.admin));
        });
  }

  /** The caller of a session verified lately on this replica; never blocks. */
  public Optional<Caller> recentlyVerified(String cookieValue) {
    if (cookieValue == null) {
      return Optional.empty();
    }
    String hash = SessionCookie.hash(cookieValue);
    Cached cached = byHash.get(hash);
    if (cached == null) {
      return Optional.empty();
    }
    if (System.nanoTime() - cached.expiresAtNanos() >= 0) {
      byHash.remove(hash, cached);
      return Optional.empty();
    }
    return Optional.of(cached.caller());
  }

  /** The caller of a live session (blocking: reads the database); empty for any other cookie. */
  @Transactional
  public Optional<Caller> authenticate(String cookieValue) {
    if (cookieValue == null) {
      return Optional.empty();
    }
    String hash = SessionCookie.hash(cookieValue);
    long generation = forgettings.get();
    return sessions
        .findLive(hash, Instant.now())
        .map(
            row -> {
              Caller caller =
                  new Caller(row.token.user.id, row.token.user.name, row.token.user.admin);
              remember(hash, row.token.id, caller, generation);
              return caller;
            });
  }

  /** Ends the session of this cookie, if there is one. */
  @Transactional
  public void signOut(String cookieValue) {
    if (cookieValue == null) {
      return;
    }
    String hash = SessionCookie.hash(cookieValue);
    forgettings.incrementAndGet();
    byHash.remove(hash);
    sessions.deleteById(hash);
  }

  /** Sessions of a revoked token end with it (the database row is gone by the cascade). */
  void onRevoked(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) VerifiedTokens.TokenRevoked revoked) {
    forgettings.incrementAndGet();
    byHash.values().removeIf(entry -> entry.tokenId().equals(revoked.tokenId()));
  }

  /** Deletes expired sessions now and then, so the table holds only live ones. */
  @Scheduled(every = "1h", delayed = "1m")
  @Transactional
  void deleteExpired() {
    long deleted = sessions.deleteExpired(Instant.now());
    if (deleted > 0) {
      Log.infof("deleted %d expired console sessions", deleted);
    }
  }

  private void remember(String hash, String tokenId, Caller caller, long generation) {
    if (cacheNanos <= 0) {
      return;
    }
    long now = System.nanoTime();
    if (byHash.size() > 1024) {
      byHash.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
    }
    Cached cached = new Cached(tokenId, caller, now + cacheNanos);
    byHash.put(hash, cached);
    // A forgetting that ran while the row was read may have been this very session's.
    if (forgettings.get() != generation) {
      byHash.remove(hash, cached);
    }
  }
}
