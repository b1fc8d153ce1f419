package dev.zoclone.agents.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One agent run and where it got to. */
@Entity
@Table(name = "agent_run")
public class AgentRunEntity {
  @Id public String id;
  public String owner;
  public String prompt;

  @Column(name = "model_name")
  public String modelName;

  public String status;
  public String output;
  public String error;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "finished_at")
  public Instant finishedAt;

  /** The agents replica that runs it (see RunOwnership). */
  @Column(name = "replica_id")
  public String replicaId;
}
