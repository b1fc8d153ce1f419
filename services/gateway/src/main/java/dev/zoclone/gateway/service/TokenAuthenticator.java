package dev.zoclone.gateway.service;

import dev.zoclone.gateway.Caller;
import dev.zoclone.gateway.repository.TokenEntity;
import dev.zoclone.gateway.repository.TokenRepository;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a bearer token into the caller it belongs to. The only authentication in the gateway: its
 * own routes and the forwarded ones both go through it. A token verified lately is answered from
 * {@link VerifiedTokens} without blocking; any other is read from the database (blocking).
 */
@Singleton
public class TokenAuthenticator {
  private static final String BEARER = "bearer ";

  private final TokenRepository tokens;
  private final VerifiedTokens verified;
  private final LastUsedStamps stamps;

  public TokenAuthenticator(
      TokenRepository tokens, VerifiedTokens verified, LastUsedStamps stamps) {
    this.tokens = tokens;
    this.verified = verified;
    this.stamps = stamps;
  }

  /**
   * The caller named by an {@code Authorization: Bearer ...} header if this replica verified its
   * token lately; empty when the database must be asked ({@link #authenticateHeader}). Never
   * blocks.
   */
  public Optional<Caller> recentlyVerified(String authorization) {
    String token = tokenOf(authorization);
    if (token == null || !TokenMint.hasTokenShape(token)) {
      return Optional.empty();
    }
    // Only hashes that were compared in constant time against a database row are remembered.
    Optional<VerifiedTokens.Verified> found = verified.find(TokenMint.hash(token));
    found.ifPresent(entry -> stamps.used(entry.tokenId()));
    return found.map(VerifiedTokens.Verified::caller);
  }

  /** The caller named by an {@code Authorization: Bearer ...} header; empty for any other. */
  @Transactional
  public Optional<Caller> authenticateHeader(String authorization) {
    String token = tokenOf(authorization);
    return token == null ? Optional.empty() : authenticate(token);
  }

  /** The caller who owns {@code token}; empty when it is not a live token. */
  @Transactional
  public Optional<Caller> authenticate(String token) {
    if (!TokenMint.hasTokenShape(token)) {
      return Optional.empty();
    }
    String hash = TokenMint.hash(token);
    long generation = verified.generation();
    // The index finds the row; comparing again in constant time keeps the decision itself from
    // leaking, through timing, how much of a guessed hash was right.
    Optional<TokenEntity> found =
        tokens
            .findByHash(hash)
            .filter(row -> sameHash(row.hash, hash))
            .filter(row -> row.user.disabledAt == null);
    return found.map(
        row -> {
          Caller caller = new Caller(row.user.id, row.user.name, row.user.admin);
          verified.remember(row.id, row.hash, caller, generation);
          stamps.used(row.id);
          return caller;
        });
  }

  private static String tokenOf(String authorization) {
    if (authorization == null
        || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)
        || authorization.length() <= BEARER.length()) {
      return null;
    }
    return authorization.substring(BEARER.length()).trim();
  }

  private static boolean sameHash(String stored, String computed) {
    return MessageDigest.isEqual(
        stored.getBytes(StandardCharsets.US_ASCII), computed.getBytes(StandardCharsets.US_ASCII));
  }
}
