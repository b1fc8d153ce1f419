package dev.zoclone.scheduler.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** One fired occurrence of an automation. */
@Entity
@Table(name = "automation_run")
public class RunEntity extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "automation_id")
  public UUID automationId;

  public String owner;

  @Column(name = "occurrence_at")
  public Instant occurrenceAt;

  @Column(name = "occurrence_local")
  public LocalDateTime occurrenceLocal;

  @Column(name = "fired_at")
  public Instant firedAt;

  public String status;
  public int attempts;

  @Column(name = "next_attempt_at")
  public Instant nextAttemptAt;

  public String detail;

  /** While set and in the future, a delivery attempt is under way (see WebhookDelivery). */
  @Column(name = "claimed_until")
  public Instant claimedUntil;
}
