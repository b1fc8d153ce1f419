package dev.zoclone.agents.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One user's ask defaults; {@code fallbacks} is a JSON array of model names. */
@Entity
@Table(name = "user_settings")
public class UserSettingsEntity {
  @Id public String owner;

  @Column(name = "default_model")
  public String defaultModel;

  public String fallbacks;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
