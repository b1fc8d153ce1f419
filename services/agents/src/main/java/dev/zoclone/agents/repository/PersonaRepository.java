package dev.zoclone.agents.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Personas, always looked up within one owner. */
@ApplicationScoped
public class PersonaRepository implements PanacheRepositoryBase<PersonaEntity, String> {

  public Optional<PersonaEntity> owned(String owner, String id) {
    return find("owner = ?1 and id = ?2", owner, id).firstResultOptional();
  }

  public List<PersonaEntity> ofOwner(String owner) {
    return list("owner = ?1 order by createdAt", owner);
  }
}
