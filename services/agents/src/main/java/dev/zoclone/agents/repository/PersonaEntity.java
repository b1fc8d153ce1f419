package dev.zoclone.agents.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named system prompt a user can ask with, and whether its asks use skills. */
@Entity
@Table(name = "persona")
public class PersonaEntity {
  @Id public String id;
  public String owner;
  public String name;

  @Column(name = "system_prompt")
  public String systemPrompt;

  /** Whether asks with this persona may list and use the caller's skills. */
  public boolean skills = true;

  /** The tool groups its asks offer by default, comma-separated; null for every group. */
  public String tools;

  @Column(name = "created_at")
  public Instant createdAt;
}
