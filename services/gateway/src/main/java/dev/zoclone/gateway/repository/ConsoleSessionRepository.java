package dev.zoclone.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** Web console sessions by the hash of their cookie. */
@ApplicationScoped
public class ConsoleSessionRepository
    implements PanacheRepositoryBase<ConsoleSessionEntity, String> {

  /** The live session with this hash, with its token and user loaded. */
  public Optional<ConsoleSessionEntity> findLive(String hash, Instant now) {
    return find(
            "from ConsoleSessionEntity s join fetch s.token t join fetch t.user"
                + " where s.hash = ?1 and s.expiresAt > ?2",
            hash,
            now)
        .firstResultOptional();
  }

  /** Deletes sessions that expired before {@code now}; the number deleted. */
  public long deleteExpired(Instant now) {
    return delete("expiresAt <= ?1", now);
  }
}
