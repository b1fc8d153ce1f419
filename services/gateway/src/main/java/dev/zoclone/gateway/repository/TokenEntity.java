package dev.zoclone.gateway.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code tokens}: one API token of a user, stored as its SHA-256 hash only. */
@Entity
@Table(name = "tokens")
public class TokenEntity {
  @Id public String id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "user_id", nullable = false)
  public UserEntity user;

  /** Lower-case hex SHA-256 of the token. */
  @Column(nullable = false, unique = true)
  public String hash;

  @Column(nullable = false)
  public String name;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "last_used_at")
  public Instant lastUsedAt;
}
