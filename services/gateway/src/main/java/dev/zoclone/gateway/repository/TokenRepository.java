package dev.zoclone.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens by hash, id and owner. */
@ApplicationScoped
public class TokenRepository implements PanacheRepositoryBase<TokenEntity, String> {

  /** The token with this hash, with its user loaded. */
  public Optional<TokenEntity> findByHash(String hash) {
    return find("from TokenEntity t join fetch t.user where t.hash = ?1", hash)
        .firstResultOptional();
  }

  /** The user's tokens, oldest first. */
  public List<TokenEntity> listOwned(String userId) {
    return list("user.id = ?1 order by createdAt, id", userId);
  }

  /** Deletes the token only if {@code userId} owns it; false when there was none to delete. */
  public boolean deleteOwned(String tokenId, String userId) {
    return delete("id = ?1 and user.id = ?2", tokenId, userId) > 0;
  }

  /**
   * Stamps the token as used now, at most once per {@code granularity}, so that authentication does
   * not write a row on every request.
   */
  public void markUsed(String tokenId, Instant now, Duration granularity) {
    update(
        "lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)",
        now,
        tokenId,
        now.minus(granularity));
  }
}
