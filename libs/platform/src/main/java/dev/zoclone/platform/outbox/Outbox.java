package dev.zoclone.platform.outbox;

import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.platform.events.EventJson;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes events to the outbox table inside the caller's transaction, so an event exists exactly
 * when the state change it describes was committed; {@link OutboxRelay} sends it later.
 */
@ApplicationScoped
public class Outbox {
  private final AgroalDataSource dataSource;

  public Outbox(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Queues {@code event} for {@code topic}, keyed by {@code key} (may be null). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void publish(String topic, String key, EventEnvelope event) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO outbox (id, topic, record_key, payload) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, event.id());
      insert.setString(2, topic);
      insert.setString(3, key);
      insert.setString(4, EventJson.write(event));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot queue event " + event.id(), e);
    }
  }
}
