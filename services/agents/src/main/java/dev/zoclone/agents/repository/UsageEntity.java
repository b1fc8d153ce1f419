package dev.zoclone.agents.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Tokens one model call used, by owner, key and model. */
@Entity
@Table(name = "usage_record")
public class UsageEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String owner;

  @Column(name = "key_name")
  public String keyName;

  public String model;

  @Column(name = "input_tokens")
  public int inputTokens;

  @Column(name = "output_tokens")
  public int outputTokens;

  @Column(name = "created_at")
  public Instant createdAt;
}
