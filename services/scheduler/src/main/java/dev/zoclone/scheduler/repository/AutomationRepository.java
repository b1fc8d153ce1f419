package dev.zoclone.scheduler.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Automations, always read through their owner except by the ticker. */
@ApplicationScoped
public class AutomationRepository implements PanacheRepositoryBase<AutomationEntity, UUID> {

  /** The automation when {@code owner} owns it. */
  public Optional<AutomationEntity> findOwned(UUID id, String owner) {
    return find("id = ?1 and owner = ?2", id, owner).firstResultOptional();
  }

  /** The owner's automations, oldest first. */
  public List<AutomationEntity> listOwned(String owner) {
    return list("owner = ?1 order by createdAt, id", owner);
  }

  /** The earliest next run of an active automation, if any. */
  public Optional<Instant> nextDue() {
    return Optional.ofNullable(
        getEntityManager()
            .createQuery(
                "select min(a.nextRunAt) from AutomationEntity a where a.active = true",
                Instant.class)
            .getSingleResult());
  }

  /**
   * Locks up to {@code limit} active automations due at {@code now}, skipping rows another
   * transaction holds, so concurrent tickers never claim the same automation.
   */
  @SuppressWarnings("unchecked") // a native query typed by the entity class returns entities
  public List<AutomationEntity> claimDue(Instant now, int limit) {
    return getEntityManager()
        .createNativeQuery(
            "SELECT * FROM automation WHERE active AND next_run_at <= ?1"
                + " ORDER BY next_run_at LIMIT ?2 FOR UPDATE SKIP LOCKED",
            AutomationEntity.class)
        .setParameter(1, now)
        .setParameter(2, limit)
        .getResultList();
  }

  /**
   * Locks the automations whose action still holds a secret in plaintext, or whose sealed secret is
   * not under the master key {@code current}, skipping rows another replica holds.
   */
  @SuppressWarnings("unchecked") // a native query typed by the entity class returns entities
  public List<AutomationEntity> lockUnsealed(String current) {
    return getEntityManager()
        .createNativeQuery(
            "SELECT * FROM automation WHERE (action::jsonb -> 'secret') IS NOT NULL"
                + " OR secret_key <> ?1 FOR UPDATE SKIP LOCKED",
            AutomationEntity.class)
        .setParameter(1, current)
        .getResultList();
  }

  /**
   * How many automations still hold a secret in plaintext or have one sealed under one of {@code
   * older} (keys known here that no longer seal).
   */
  public long countToSeal(Set<String> older) {
    return ((Number)
            getEntityManager()
                .createNativeQuery(
                    "SELECT count(*) FROM automation WHERE (action::jsonb -> 'secret') IS NOT NULL"
                        + " OR secret_key = ANY(CAST(?1 AS text[]))")
                .setParameter(1, older.toArray(String[]::new))
                .getSingleResult())
        .longValue();
  }
}
