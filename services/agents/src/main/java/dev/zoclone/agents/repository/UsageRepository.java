package dev.zoclone.agents.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.util.List;
import org.hibernate.Session;

/** Token usage, summed per owner, key and model. */
@ApplicationScoped
public class UsageRepository implements PanacheRepositoryBase<UsageEntity, Long> {

  /**
   * Inserts the rows in one statement (an identity id makes Hibernate insert one row at a time), in
   * the current transaction.
   */
  public void insertAll(List<UsageEntity> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int n = rows.size();
    String[] owners = new String[n];
    String[] keys = new String[n];
    String[] models = new String[n];
    Integer[] inputs = new Integer[n];
    Integer[] outputs = new Integer[n];
    String[] times = new String[n];
    for (int i = 0; i < n; i++) {
      UsageEntity row = rows.get(i);
      owners[i] = row.owner;
      keys[i] = row.keyName;
      models[i] = row.model;
      inputs[i] = row.inputTokens;
      outputs[i] = row.outputTokens;
      times[i] = row.createdAt.toString();
    }
    getEntityManager()
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO usage_record"
                          + " (owner, key_name, model, input_tokens, output_tokens, created_at)"
                          + " SELECT o, k, m, i, u, t::timestamptz FROM unnest(?::text[],"
                          + " ?::text[], ?::text[], ?::int[], ?::int[], ?::text[])"
                          + " AS r (o, k, m, i, u, t)")) {
                insert.setArray(1, connection.createArrayOf("text", owners));
                insert.setArray(2, connection.createArrayOf("text", keys));
                insert.setArray(3, connection.createArrayOf("text", models));
                insert.setArray(4, connection.createArrayOf("int4", inputs));
                insert.setArray(5, connection.createArrayOf("int4", outputs));
                insert.setArray(6, connection.createArrayOf("text", times));
                insert.executeUpdate();
              }
            });
  }

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
