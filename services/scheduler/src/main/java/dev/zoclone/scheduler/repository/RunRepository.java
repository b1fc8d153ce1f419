package dev.zoclone.scheduler.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** Fire history; inserting a run is what makes an occurrence fire at most once. */
@ApplicationScoped
public class RunRepository implements PanacheRepositoryBase<RunEntity, UUID> {

  /**
   * Records the run unless this occurrence already has one; answers whether it was recorded. The
   * unique (automation, occurrence) constraint decides, not the caller.
   */
  public boolean insertOnce(
      UUID id,
      UUID automationId,
      String owner,
      Instant occurrence,
      LocalDateTime local,
      Instant firedAt,
      String status) {
    return getEntityManager()
            .createNativeQuery(
                "INSERT INTO automation_run (id, automation_id, owner, occurrence_at,"
                    + " occurrence_local, fired_at, status, next_attempt_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CASE WHEN ?7 = 'PENDING' THEN CAST(?6 AS timestamptz) END)"
                    + " ON CONFLICT (automation_id, occurrence_at) DO NOTHING")
            .setParameter(1, id)
            .setParameter(2, automationId)
            .setParameter(3, owner)
            .setParameter(4, occurrence)
            .setParameter(5, local)
            .setParameter(6, firedAt)
            .setParameter(7, status)
            .executeUpdate()
        == 1;
  }

  /** The automation's runs, newest occurrence first. */
  public List<RunEntity> history(UUID automationId, int limit) {
    return find("automationId = ?1 order by occurrenceAt desc", automationId).page(0, limit).list();
  }

  /**
   * Claims webhook deliveries due at {@code now}, oldest first, skipping those another replica
   * holds: at most {@code perOwner} of one owner in flight at once (claims still running count), so
   * one owner's backlog cannot fill the batch. Claimed rows are marked until {@code claimedUntil}.
   */
  @SuppressWarnings("unchecked") // a native query typed by the entity class returns entities
  public List<RunEntity> claimDeliveries(
      Instant now, int limit, int perOwner, Instant claimedUntil) {
    List<RunEntity> claimed =
        getEntityManager()
            .createNativeQuery(
                "SELECT * FROM automation_run WHERE id IN ("
                    + " SELECT id FROM ("
                    + "  SELECT d.id, d.next_attempt_at, row_number() OVER"
                    + "   (PARTITION BY d.owner ORDER BY d.next_attempt_at, d.id)"
                    + "   + (SELECT count(*) FROM automation_run f WHERE f.owner = d.owner"
                    + "      AND f.status = 'PENDING' AND f.claimed_until > ?1) AS n"
                    + "  FROM automation_run d WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?1"
                    + "   AND (d.claimed_until IS NULL OR d.claimed_until <= ?1)"
                    + " ) ranked WHERE n <= ?3 ORDER BY next_attempt_at LIMIT ?2)"
                    + " ORDER BY next_attempt_at FOR UPDATE SKIP LOCKED",
                RunEntity.class)
            .setParameter(1, now)
            .setParameter(2, limit)
            .setParameter(3, perOwner)
            .getResultList();
    claimed.forEach(run -> run.claimedUntil = claimedUntil);
    return claimed;
  }

  /**
   * Records one finished delivery attempt of a claimed run and releases the claim; answers whether
   * the run was still pending.
   */
  public boolean recordAttempt(UUID id, String status, String detail, Instant nextAttemptAt) {
    return getEntityManager()
            .createNativeQuery(
                "UPDATE automation_run SET attempts = attempts + 1, status = ?2, detail = ?3,"
                    + " next_attempt_at = ?4, claimed_until = NULL"
                    + " WHERE id = ?1 AND status = 'PENDING'")
            .setParameter(1, id)
            .setParameter(2, status)
            .setParameter(3, detail)
            .setParameter(4, nextAttemptAt)
            .executeUpdate()
        == 1;
  }
}
