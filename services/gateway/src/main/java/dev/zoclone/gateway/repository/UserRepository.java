package dev.zoclone.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Users by id and name. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<UserEntity, String> {

  public Optional<UserEntity> findByName(String name) {
    return find("name", name).firstResultOptional();
  }

  /** Every user, oldest first. */
  public List<UserEntity> listOldestFirst() {
    return list("order by createdAt, id");
  }

  public Optional<UserEntity> findAnyAdmin() {
    return find("admin = true order by createdAt").firstResultOptional();
  }

  /**
   * Holds a transaction-scoped lock so that only one gateway replica at a time bootstraps the admin
   * user.
   */
  public void lockAdminBootstrap() {
    getEntityManager()
        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('zo.gateway.admin-bootstrap'))")
        .getSingleResult();
  }
}
