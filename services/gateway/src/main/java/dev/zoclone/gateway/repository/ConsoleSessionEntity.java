package dev.zoclone.gateway.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code console_sessions}: a web console sign-in, stored as its cookie's hash only. */
@Entity
@Table(name = "console_sessions")
public class ConsoleSessionEntity {
  /** Lower-case hex SHA-256 of the cookie's value. */
  @Id public String hash;

  /** The token the session was signed in with; deleting it deletes the session. */
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "token_id", nullable = false)
  public TokenEntity token;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;
}
