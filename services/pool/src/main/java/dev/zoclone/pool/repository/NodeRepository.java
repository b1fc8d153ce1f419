package dev.zoclone.pool.repository;

import dev.zoclone.contract.pool.NodeView;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The node registry's SQL; every method runs in the caller's transaction. */
@ApplicationScoped
public class NodeRepository {
  private final AgroalDataSource dataSource;

  /**
   * Records that the owner's node is alive, locking its row until the transaction ends; updates no
   * row when the owner has no such node. Parameters: node, owner.
   */
  static final String TOUCH = "UPDATE node SET last_seen_at = now() WHERE id = ? AND owner = ?";

  public NodeRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** What a live node offers: the kinds it runs and the labels jobs' requirements must meet. */
  public record Offer(List<String> kinds, Map<String, String> labels) {}

  /** Registers a node. */
  public void insert(
      String id,
      String owner,
      String name,
      Map<String, String> labels,
      int slots,
      List<String> kinds) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "INSERT INTO node (id, owner, name, labels, slots, kinds)"
                    + " VALUES (?, ?, ?, ?::jsonb, ?, ?)")) {
      statement.setString(1, id);
      statement.setString(2, owner);
      statement.setString(3, name);
      statement.setString(4, JdbcJson.write(labels));
      statement.setInt(5, slots);
      statement.setArray(6, connection.createArrayOf("text", kinds.toArray()));
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot register node " + id, e);
    }
  }

  /** Records that the owner's node is alive; false when it has no such node. */
  public boolean touch(String owner, String id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(TOUCH)) {
      statement.setString(1, id);
      statement.setString(2, owner);
      return statement.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot touch node " + id, e);
    }
  }

  /** The owner's nodes, oldest first, ONLINE when seen within {@code onlineWithinMs}. */
  public List<NodeView> list(String owner, long onlineWithinMs) {
    String sql =
        "SELECT id, name, labels::text, slots,"
            + " CASE WHEN last_seen_at > now() - ? * interval '1 millisecond'"
            + " THEN 'ONLINE' ELSE 'OFFLINE' END,"
            + " (SELECT count(*) FROM held_job h WHERE h.node_id = n.id),"
            + " registered_at, last_seen_at, kinds"
            + " FROM node n WHERE owner = ? ORDER BY registered_at, id";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, onlineWithinMs);
      statement.setString(2, owner);
      List<NodeView> nodes = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          nodes.add(
              new NodeView(
                  rs.getString(1),
                  rs.getString(2),
                  JdbcJson.labels(rs.getString(3)),
                  rs.getInt(4),
                  rs.getString(5),
                  rs.getInt(6),
                  rs.getTimestamp(7).toInstant(),
                  rs.getTimestamp(8).toInstant(),
                  texts(rs.getArray(9))));
        }
      }
      return nodes;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list nodes", e);
    }
  }

  /** The owner's node {@code id} as {@link #list} shows it, locked until the transaction ends. */
  public Optional<NodeView> lock(String owner, String id, long onlineWithinMs) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT id FROM node WHERE id = ? AND owner = ? FOR UPDATE")) {
      statement.setString(1, id);
      statement.setString(2, owner);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot lock node " + id, e);
    }
    return list(owner, onlineWithinMs).stream().filter(n -> n.id().equals(id)).findFirst();
  }

  /** Deletes the owner's node {@code id}. */
  public void delete(String owner, String id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("DELETE FROM node WHERE id = ? AND owner = ?")) {
      statement.setString(1, id);
      statement.setString(2, owner);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot delete node " + id, e);
    }
  }

  /** What the owner's nodes seen within {@code onlineWithinMs} offer. */
  public List<Offer> liveOffers(String owner, long onlineWithinMs) {
    String sql =
        "SELECT kinds, labels::text FROM node WHERE owner = ?"
            + " AND last_seen_at > now() - ? * interval '1 millisecond'";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, owner);
      statement.setLong(2, onlineWithinMs);
      List<Offer> offers = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          offers.add(new Offer(texts(rs.getArray(1)), JdbcJson.labels(rs.getString(2))));
        }
      }
      return offers;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the live nodes", e);
    }
  }

  private static List<String> texts(Array array) throws SQLException {
    return List.of((String[]) array.getArray());
  }
}
