package dev.zoclone.gateway.ratelimit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Users' rate-limit overrides by user id. */
@ApplicationScoped
public class UserRateLimitRepository
    implements PanacheRepositoryBase<UserRateLimitEntity, String> {}
