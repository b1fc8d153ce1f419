package dev.zoclone.agents.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** Agent runs, looked up within one owner. */
@ApplicationScoped
public class AgentRunRepository implements PanacheRepositoryBase<AgentRunEntity, String> {

  public Optional<AgentRunEntity> owned(String owner, String id) {
    return find("owner = ?1 and id = ?2", owner, id).firstResultOptional();
  }

  /** Marks every run left QUEUED or RUNNING as FAILED with {@code reason}; returns how many. */
  public int failUnfinished(String reason) {
    return update(
        "status = 'FAILED', error = ?1, finishedAt = ?2 where status in ('QUEUED', 'RUNNING')",
        reason,
        Instant.now());
  }
}
