package dev.zoclone.agents.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Users' ask defaults, keyed by owner. */
@ApplicationScoped
public class UserSettingsRepository implements PanacheRepositoryBase<UserSettingsEntity, String> {}
