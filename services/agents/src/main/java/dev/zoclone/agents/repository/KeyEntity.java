package dev.zoclone.agents.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One user's provider key: only its AES-GCM ciphertext and a mask are stored. */
@Entity
@Table(name = "provider_key")
public class KeyEntity {
  @Id public String id;
  public String owner;
  public String name;
  public String provider;

  @Column(name = "base_url")
  public String baseUrl;

  @Column(name = "default_model")
  public String defaultModel;

  public byte[] ciphertext;
  public byte[] nonce;

  @Column(name = "master_fingerprint")
  public String masterFingerprint;

  public String masked;

  /** Whether the ciphertext is bound to its owner and name (associated data). */
  public boolean bound;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
