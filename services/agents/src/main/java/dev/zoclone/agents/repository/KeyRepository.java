package dev.zoclone.agents.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Provider keys, always looked up within one owner. */
@ApplicationScoped
public class KeyRepository implements PanacheRepositoryBase<KeyEntity, String> {

  public Optional<KeyEntity> find(String owner, String name) {
    return find("owner = ?1 and name = ?2", owner, name).firstResultOptional();
  }

  public List<KeyEntity> ofOwner(String owner) {
    return list("owner = ?1 order by name", owner);
  }

  public List<KeyEntity> withSecret() {
    return list("ciphertext is not null");
  }

  /** Keys whose ciphertext is not yet bound to its owner and name. */
  public List<KeyEntity> unbound() {
    return list("ciphertext is not null and bound = false");
  }
}
