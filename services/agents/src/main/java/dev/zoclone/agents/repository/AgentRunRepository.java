package dev.zoclone.agents.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Agent runs, looked up within one owner. */
@ApplicationScoped
public class AgentRunRepository implements PanacheRepositoryBase<AgentRunEntity, String> {

  public Optional<AgentRunEntity> owned(String owner, String id) {
    return find("owner = ?1 and id = ?2", owner, id).firstResultOptional();
  }
}
