package dev.zoclone.pool.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Inserts many events into the platform's {@code outbox} table in one statement, in the caller's
 * transaction. The platform's {@code Outbox} writes one row per call; a batch of job state changes
 * would cost a round trip per event, so the pool writes the same columns (id, topic, record_key,
 * payload) itself and the platform's relay sends them like any other row.
 */
@ApplicationScoped
public class OutboxRows {
  private final AgroalDataSource dataSource;

  public OutboxRows(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** One outbox row: the event id, its topic, the record key and the serialized envelope. */
  public record Row(String id, String topic, String key, String payload) {}

  /** Queues the rows in order. */
  public void insertAll(List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int size = rows.size();
    String[] ids = new String[size];
    String[] topics = new String[size];
    String[] keys = new String[size];
    String[] payloads = new String[size];
    for (int i = 0; i < size; i++) {
      Row row = rows.get(i);
      ids[i] = row.id();
      topics[i] = row.topic();
      keys[i] = row.key();
      payloads[i] = row.payload();
    }
    String sql =
        "INSERT INTO outbox (id, topic, record_key, payload)"
            + " SELECT id, topic, record_key, payload"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY"
            + " AS o(id, topic, record_key, payload, n) ORDER BY n";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, connection.createArrayOf("text", ids));
      statement.setArray(2, connection.createArrayOf("text", topics));
      statement.setArray(3, connection.createArrayOf("text", keys));
      statement.setArray(4, connection.createArrayOf("text", payloads));
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot queue " + size + " events", e);
    }
  }
}
