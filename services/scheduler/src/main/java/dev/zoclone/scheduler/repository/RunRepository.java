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

  /** Locks webhook deliveries due at {@code now}, skipping those another replica holds. */
  @SuppressWarnings("unchecked") // a native query typed by the entity class returns entities
  public List<RunEntity> claimPendingDeliveries(Instant now, int limit) {
    return getEntityManager()
        .createNativeQuery(
            "SELECT * FROM automation_run WHERE status = 'PENDING' AND next_attempt_at <= ?1"
                + " ORDER BY next_attempt_at LIMIT ?2 FOR UPDATE SKIP LOCKED",
            RunEntity.class)
        .setParameter(1, now)
        .setParameter(2, limit)
        .getResultList();
  }
}
