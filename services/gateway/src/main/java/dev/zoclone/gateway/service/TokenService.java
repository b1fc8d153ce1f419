package dev.zoclone.gateway.service;

import dev.zoclone.gateway.Caller;
import dev.zoclone.gateway.IssuedToken;
import dev.zoclone.gateway.repository.TokenEntity;
import dev.zoclone.gateway.repository.TokenRepository;
import dev.zoclone.gateway.repository.UserEntity;
import dev.zoclone.gateway.repository.UserRepository;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Issues and revokes API tokens; a user manages only their own. */
@ApplicationScoped
public class TokenService {
  /** The label of a token when the caller gives none. */
  public static final String DEFAULT_NAME = "default";

  private final TokenRepository tokens;
  private final UserRepository users;
  private final Event<VerifiedTokens.TokenRevoked> revocations;

  public TokenService(
      TokenRepository tokens,
      UserRepository users,
      Event<VerifiedTokens.TokenRevoked> revocations) {
    this.tokens = tokens;
    this.users = users;
    this.revocations = revocations;
  }

  /** A new token for the caller, labelled {@code name} (or {@link #DEFAULT_NAME}). */
  @Transactional
  public IssuedToken issueForCaller(Caller caller, String name) {
    UserEntity user =
        users
            .findByIdOptional(caller.id())
            .orElseThrow(() -> ProblemException.notFound("user " + caller.id()));
    return issue(user, name);
  }

  /** A new token for {@code user}; the plain text leaves this method once and is not kept. */
  @Transactional(Transactional.TxType.MANDATORY)
  public IssuedToken issue(UserEntity user, String name) {
    String token = TokenMint.newToken();
    TokenEntity row = new TokenEntity();
    row.id = UUID.randomUUID().toString();
    row.user = user;
    row.hash = TokenMint.hash(token);
    row.name = name == null || name.isBlank() ? DEFAULT_NAME : name;
    row.createdAt = Instant.now();
    tokens.persist(row);
    Log.infof("issued token %s (%s) to user %s", row.id, row.name, user.id);
    return new IssuedToken(row.id, token);
  }

  /**
   * Revokes one of the caller's tokens; 404 when the caller has no token with this id. The token
   * stops working on this replica as the deletion commits, on the others once their {@link
   * VerifiedTokens} entry expires.
   */
  @Transactional
  public void revoke(Caller caller, String tokenId) {
    if (!tokens.deleteOwned(tokenId, caller.id())) {
      throw ProblemException.notFound("token " + tokenId);
    }
    revocations.fire(new VerifiedTokens.TokenRevoked(tokenId));
    Log.infof("user %s revoked token %s", caller.id(), tokenId);
  }
}
