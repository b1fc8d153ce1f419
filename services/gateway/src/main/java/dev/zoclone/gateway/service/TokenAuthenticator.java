package dev.zoclone.gateway.service;

import dev.zoclone.gateway.Caller;
import dev.zoclone.gateway.repository.TokenEntity;
import dev.zoclone.gateway.repository.TokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a bearer token into the caller it belongs to. The only authentication in the gateway: its
 * own routes and the forwarded ones both go through it. Blocking (it reads the database).
 */
@ApplicationScoped
public class TokenAuthenticator {
  private static final String BEARER = "bearer ";
  private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

  private final TokenRepository tokens;

  public TokenAuthenticator(TokenRepository tokens) {
    this.tokens = tokens;
  }

  /** The caller named by an {@code Authorization: Bearer ...} header; empty for any other. */
  @Transactional
  public Optional<Caller> authenticateHeader(String authorization) {
    if (authorization == null
        || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)
        || authorization.length() <= BEARER.length()) {
      return Optional.empty();
    }
    return authenticate(authorization.substring(BEARER.length()).trim());
  }

  /** The caller who owns {@code token}; empty when it is not a live token. */
  @Transactional
  public Optional<Caller> authenticate(String token) {
    if (!TokenMint.hasTokenShape(token)) {
      return Optional.empty();
    }
    String hash = TokenMint.hash(token);
    // The index finds the row; comparing again in constant time keeps the decision itself from
    // leaking, through timing, how much of a guessed hash was right.
    Optional<TokenEntity> found = tokens.findByHash(hash).filter(row -> sameHash(row.hash, hash));
    found.ifPresent(row -> tokens.markUsed(row.id, Instant.now(), LAST_USED_GRANULARITY));
    return found.map(row -> new Caller(row.user.id, row.user.name, row.user.admin));
  }

  private static boolean sameHash(String stored, String computed) {
    return MessageDigest.isEqual(
        stored.getBytes(StandardCharsets.US_ASCII), computed.getBytes(StandardCharsets.US_ASCII));
  }
}
