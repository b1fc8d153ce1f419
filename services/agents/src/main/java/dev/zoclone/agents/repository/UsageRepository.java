package dev.zoclone.agents.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Token usage, summed per owner, key and model. */
@ApplicationScoped
public class UsageRepository implements PanacheRepositoryBase<UsageEntity, Long> {

  /** One row per key and model: {@code [key_name, model, calls, input, output]}. */
  public List<Object[]> totals(String owner) {
    return getEntityManager()
        .createQuery(
            "select u.keyName, u.model, count(u), sum(u.inputTokens), sum(u.outputTokens)"
                + " from UsageEntity u where u.owner = ?1 group by u.keyName, u.model"
                + " order by u.keyName, u.model",
            Object[].class)
        .setParameter(1, owner)
        .getResultList();
  }
}
