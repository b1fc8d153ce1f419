package dev.zoclone.platform.outbox;

import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.platform.tracing.RecordTracing;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes events to the outbox table inside the caller's transaction, so an event exists exactly
 * when the state change it describes was committed; {@link OutboxRelay} sends it later.
 *
 * <p>A row's payload is either one event envelope (a JSON object, {@link #publish}) or a batch (a
 * JSON array of {@code {"key", "id", "event"}}, {@link #publishAll}) that the relay sends as one
 * record per event, in order.
 */
@ApplicationScoped
public class Outbox {
  private final AgroalDataSource dataSource;
  private final RecordTracing tracing;

  public Outbox(AgroalDataSource dataSource, RecordTracing tracing) {
    this.dataSource = dataSource;
    this.tracing = tracing;
  }

  /** One event of a batch and the key of its record (may be null). */
  public record KeyedEvent(String key, EventEnvelope event) {}

  /** Queues {@code event} for {@code topic}, keyed by {@code key} (may be null). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void publish(String topic, String key, EventEnvelope event) {
    insert(event.id(), topic, key, EventJson.write(event));
  }

  /**
   * Queues many events for {@code topic} as one row: one insert, and one claim and mark in the
   * relay, for the whole batch. The relay sends them in order, each as its own record with its own
   * key and event id; they are sent again together if any of them fails.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void publishAll(String topic, List<KeyedEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    String first = events.get(0).event().id();
    insert("batch-" + first, topic, null, OutboxBatch.write(events));
  }

  private void insert(String id, String topic, String key, String payload) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO outbox (id, topic, record_key, payload, trace_parent)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, topic);
      insert.setString(3, key);
      insert.setString(4, payload);
      insert.setString(5, tracing.currentTraceParent());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot queue event " + id, e);
    }
  }
}
