package dev.zoclone.gateway.service;

import dev.zoclone.gateway.config.GatewayConfig;
import dev.zoclone.gateway.repository.TokenRepository;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes when a token was last used, at most once per {@code zo.gateway.last-used-interval} per
 * token on this replica and off the request's path, so that authenticating a request writes nothing
 * most of the time and never waits for a write.
 */
@Singleton
public class LastUsedStamps {
  private final TokenRepository tokens;
  private final Vertx vertx;
  private final Duration interval;
  private final Map<String, Instant> lastStamped = new ConcurrentHashMap<>();

  public LastUsedStamps(TokenRepository tokens, Vertx vertx, GatewayConfig config) {
    this.tokens = tokens;
    this.vertx = vertx;
    this.interval = config.lastUsedInterval();
  }

  /** Notes that the token with this row id was used now. */
  void used(String tokenId) {
    Instant now = Instant.now();
    boolean[] due = {false};
    lastStamped.compute(
        tokenId,
        (id, last) -> {
          due[0] = last == null || !now.isBefore(last.plus(interval));
          return due[0] ? now : last;
        });
    if (!due[0]) {
      return;
    }
    vertx
        .executeBlocking(
            () -> {
              QuarkusTransaction.requiringNew().run(() -> tokens.markUsed(tokenId, now, interval));
              return null;
            },
            false)
        .onFailure(
            failure -> {
              // Stamped again on a later use; a lost stamp only makes last-used older.
              lastStamped.remove(tokenId, now);
              Log.warnf("cannot stamp token %s as used: %s", tokenId, failure.toString());
            });
  }

  /** Forgets a revoked token's stamp once its revocation has committed. */
  void onRevoked(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) VerifiedTokens.TokenRevoked revoked) {
    lastStamped.remove(revoked.tokenId());
  }
}
