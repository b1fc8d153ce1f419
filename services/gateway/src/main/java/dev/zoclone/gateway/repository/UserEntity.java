package dev.zoclone.gateway.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code users}. */
@Entity
@Table(name = "users")
public class UserEntity {
  @Id public String id;

  @Column(nullable = false, unique = true)
  public String name;

  @Column(nullable = false)
  public boolean admin;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** When an admin disabled the user; null while enabled. */
  @Column(name = "disabled_at")
  public Instant disabledAt;
}
