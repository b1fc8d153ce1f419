package dev.zoclone.gateway.ratelimit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code user_rate_limits}: one user's override of the default rate limit. */
@Entity
@Table(name = "user_rate_limits")
public class UserRateLimitEntity {
  @Id
  @Column(name = "user_id")
  public String userId;

  @Column(name = "requests_per_second", nullable = false)
  public double requestsPerSecond;

  @Column(nullable = false)
  public int burst;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
