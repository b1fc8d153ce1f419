package dev.zoclone.platform.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

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

  /**
   * Records the events for {@code consumer} in one statement; answers the ids that were not handled
   * before (an id given twice counts once).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
    Set<String> first = new HashSet<>();
    if (eventIds.isEmpty()) {
      return first;
    }
    // Sorted, so two consumers recording overlapping ids lock their rows in the same order.
    String[] ids = new TreeSet<>(eventIds).toArray(String[]::new);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO processed_event (consumer, event_id)"
                    + " SELECT ?, e.id FROM unnest(?::text[]) WITH ORDINALITY AS e (id, n)"
                    + " ORDER BY e.n ON CONFLICT DO NOTHING RETURNING event_id")) {
      insert.setString(1, consumer);
      insert.setArray(2, connection.createArrayOf("text", ids));
      try (ResultSet rs = insert.executeQuery()) {
        while (rs.next()) {
          first.add(rs.getString(1));
        }
      }
      return first;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record " + ids.length + " events", e);
    }
  }
}
