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

  /**
   * One row per UTC day, key and model since {@code from}: {@code [day, key_name, model, calls,
   * input, output]}, oldest day first.
   */
  public List<Object[]> daily(String owner, java.time.Instant from) {
    @SuppressWarnings("unchecked") // a native query of several columns answers Object[] rows
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, key_name,"
                    + " model, count(*), sum(input_tokens), sum(output_tokens) FROM usage_record"
                    + " WHERE owner = ?1 AND created_at >= ?2 GROUP BY day, key_name, model"
                    + " ORDER BY day, key_name, model")
            .setParameter(1, owner)
            .setParameter(2, from)
            .getResultList();
    return rows;
  }
}
