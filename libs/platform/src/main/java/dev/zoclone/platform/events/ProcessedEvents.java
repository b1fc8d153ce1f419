package dev.zoclone.platform.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Remembers which events each consumer has handled, so redelivered events are ignored. Call it in
 * the same transaction as the consumer's own writes: both commit, or neither does.
 */
@ApplicationScoped
public class ProcessedEvents {
  private final AgroalDataSource dataSource;

  public ProcessedEvents(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records the event for {@code consumer}; false when it was handled already. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean firstDelivery(String consumer, String eventId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?)"
                    + " ON CONFLICT DO NOTHING")) {
      insert.setString(1, consumer);
      insert.setString(2, eventId);
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record event " + eventId, e);
    }
  }
}
