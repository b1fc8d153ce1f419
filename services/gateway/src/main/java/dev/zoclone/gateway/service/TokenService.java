package dev.zoclone.gateway.service;

import dev.zoclone.gateway.Caller;
import dev.zoclone.gateway.IssuedToken;
import dev.zoclone.gateway.TokenView;
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
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

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

  /** The caller's tokens, oldest first, without their secrets. */
  @Transactional
  public List<TokenView> list(Caller caller) {
    return tokens.listOwned(caller.id()).stream()
        .map(t -> new TokenView(t.id, t.name, t.createdAt, t.lastUsedAt))
        .toList();
  }

  /**
   * Revokes one of the caller's tokens, named by its id or by its name when exactly one has it; 404
   * when none matches, 409 when several share the name. The token stops working on this replica as
   * the deletion commits, on the others once their {@link VerifiedTokens} entry expires.
   */
  @Transactional
  public void revoke(Caller caller, String idOrName) {
    String tokenId = idOrName;
    if (!tokens.deleteOwned(tokenId, caller.id())) {
      List<TokenEntity> named =
          tokens.listOwned(caller.id()).stream().filter(t -> t.name.equals(idOrName)).toList();
      if (named.isEmpty()) {
        throw ProblemException.notFound("token " + idOrName);
      }
      if (named.size() > 1) {
        throw ProblemException.conflict(
            "token-name-ambiguous",
            named.size()
                + " of your tokens are named "
                + idOrName
                + "; revoke one by its id: "
                + named.stream().map(t -> t.id).collect(Collectors.joining(", ")));
      }
      tokenId = named.get(0).id;
      tokens.deleteOwned(tokenId, caller.id());
    }
    revocations.fire(new VerifiedTokens.TokenRevoked(tokenId));
    Log.infof("user %s revoked token %s", caller.id(), tokenId);
  }

  /**
   * Forgets every verified token of {@code userId} on this replica once the transaction commits, so
   * that a disabled or deleted user's tokens stop working here at once.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void forgetAllOf(String userId) {
    tokens.listOwned(userId).forEach(t -> revocations.fire(new VerifiedTokens.TokenRevoked(t.id)));
  }
}
