package dev.zoclone.agents.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The stored answers of requests sent with an {@code Idempotency-Key}, each write committed. */
@ApplicationScoped
public class IdempotencyRepository {
  private final EntityManager entityManager;

  public IdempotencyRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** A stored request: its hash, and its answer once it has one (status null before). */
  public record Stored(String requestHash, Integer status, String body) {}

  /**
   * Claims the key for {@code replica}'s new request unless another holds it; first drops the
   * owner's rows older than {@code ttl} and this key's unfinished row that is older than {@code
   * stale} or whose replica's heartbeat is older than {@code expiry} (its request's process died).
   * True when this call claimed it.
   */
  public boolean claim(
      String owner,
      String route,
      String key,
      String hash,
      String replica,
      Duration ttl,
      Duration stale,
      Duration expiry) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              entityManager
                  .createNativeQuery(
                      "DELETE FROM idempotent_request i WHERE owner = ?1 AND (created_at < now()"
                          + " - make_interval(secs => ?2) OR (route = ?3 AND key = ?4 AND status"
                          + " IS NULL AND (created_at < now() - make_interval(secs => ?5) OR"
                          + " (replica_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM agent_replica"
                          + " p WHERE p.id = i.replica_id AND p.heartbeat_at > now() -"
                          + " make_interval(secs => ?6))))))")
                  .setParameter(1, owner)
                  .setParameter(2, (double) ttl.toSeconds())
                  .setParameter(3, route)
                  .setParameter(4, key)
                  .setParameter(5, (double) stale.toSeconds())
                  .setParameter(6, expiry.toMillis() / 1000.0)
                  .executeUpdate();
              return entityManager
                      .createNativeQuery(
                          "INSERT INTO idempotent_request (owner, route, key, request_hash,"
                              + " replica_id) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                      .setParameter(1, owner)
                      .setParameter(2, route)
                      .setParameter(3, key)
                      .setParameter(4, hash)
                      .setParameter(5, replica)
                      .executeUpdate()
                  == 1;
            });
  }

  /** The request stored under the key, if any. */
  public Optional<Stored> find(String owner, String route, String key) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<Object[]> rows =
                  entityManager
                      .createNativeQuery(
                          "SELECT request_hash, status, body FROM idempotent_request"
                              + " WHERE owner = ?1 AND route = ?2 AND key = ?3")
                      .setParameter(1, owner)
                      .setParameter(2, route)
                      .setParameter(3, key)
                      .getResultList();
              return rows.stream()
                  .findFirst()
                  .map(
                      r ->
                          new Stored(
                              (String) r[0],
                              r[1] == null ? null : ((Number) r[1]).intValue(),
                              (String) r[2]));
            });
  }

  /** Stores the answer of the claimed request. */
  public void complete(String owner, String route, String key, int status, String body) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "UPDATE idempotent_request SET status = ?4, body = ?5"
                            + " WHERE owner = ?1 AND route = ?2 AND key = ?3")
                    .setParameter(1, owner)
                    .setParameter(2, route)
                    .setParameter(3, key)
                    .setParameter(4, status)
                    .setParameter(5, body)
                    .executeUpdate());
  }

  /** Frees the key of a claimed request that failed, so that a retry runs it again. */
  public void release(String owner, String route, String key) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "DELETE FROM idempotent_request WHERE owner = ?1 AND route = ?2"
                            + " AND key = ?3 AND status IS NULL")
                    .setParameter(1, owner)
                    .setParameter(2, route)
                    .setParameter(3, key)
                    .executeUpdate());
  }
}
