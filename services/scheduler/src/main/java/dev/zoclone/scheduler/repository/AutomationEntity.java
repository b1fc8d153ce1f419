package dev.zoclone.scheduler.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** One automation row; the REST layer never sees it. */
@Entity
@Table(name = "automation")
public class AutomationEntity extends PanacheEntityBase {
  @Id public UUID id;
  public String owner;
  public String title;
  public String rrule;
  public LocalDateTime dtstart;
  public String tzid;

  /** Excluded local date-times, comma-separated ISO values. */
  public String exdates;

  /** The action as JSON, without its secret (rows not yet sealed at start may still hold it). */
  public String action;

  /** A webhook's signing secret sealed under the master key, bound to owner and id; else null. */
  @Column(name = "secret_ciphertext")
  public byte[] secretCiphertext;

  @Column(name = "secret_nonce")
  public byte[] secretNonce;

  /** The fingerprint of the master key that sealed the secret. */
  @Column(name = "secret_key")
  public String secretKey;

  public boolean active;

  @Column(name = "catch_up")
  public String catchUp;

  @Column(name = "next_run_at")
  public Instant nextRunAt;

  /** For a rule with COUNT: the index of the next run among the rule's instants, else null. */
  @Column(name = "count_index")
  public Long countIndex;

  /** For a rule with COUNT: the rule's local time of the next run, else null. */
  @Column(name = "count_local")
  public LocalDateTime countLocal;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
