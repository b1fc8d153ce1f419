package dev.zoclone.agents.mcp.client;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** MCP servers, always looked up within one owner. */
@ApplicationScoped
public class McpServerRepository
    implements PanacheRepositoryBase<McpServerEntity, McpServerEntity.Key> {

  public Optional<McpServerEntity> find(String owner, String name) {
    return find("owner = ?1 and name = ?2", owner, name).firstResultOptional();
  }

  public List<McpServerEntity> ofOwner(String owner) {
    return list("owner = ?1 order by name", owner);
  }
}
