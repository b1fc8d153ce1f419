package dev.zoclone.memory.repository;

import dev.zoclone.contract.memory.RecalledMemory;
import dev.zoclone.memory.config.MemoryConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Hybrid search in one statement: the nearest chunks by cosine distance (HNSW) and the best chunks
 * by full-text rank, fused by weighted reciprocal rank; each memory once, with its best chunk.
 */
@ApplicationScoped
public class RecallRepository {
  private final AgroalDataSource dataSource;
  private final MemoryConfig.Recall settings;

  public RecallRepository(AgroalDataSource dataSource, MemoryConfig config) {
    this.dataSource = dataSource;
    this.settings = config.recall();
  }

  /** The memories that best match {@code query}, best first. */
  @Transactional(Transactional.TxType.REQUIRED)
  public List<RecalledMemory> search(RecallQuery query) {
    try (Connection connection = dataSource.getConnection()) {
      tune(connection, query.candidates());
      try (PreparedStatement select = prepare(connection, "", query);
          ResultSet rs = select.executeQuery()) {
        List<RecalledMemory> found = new ArrayList<>();
        while (rs.next()) {
          found.add(
              new RecalledMemory(
                  rs.getString(1),
                  rs.getString(2),
                  MetaJson.read(rs.getString(3)),
                  rs.getDouble(4)));
        }
        return found;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("recall failed: " + e.getMessage(), e);
    }
  }

  /** Whether {@code owner} has any vector of {@code model} at all. */
  @Transactional(Transactional.TxType.REQUIRED)
  public boolean hasVectors(String owner, String model) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement exists =
            connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM memory_chunk c WHERE c.owner = ? AND "
                    + VectorIndex.modelIs("c", model)
                    + ")")) {
      exists.setString(1, owner);
      try (ResultSet rs = exists.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("recall failed: " + e.getMessage(), e);
    }
  }

  /** The plan of {@link #search}'s statement for {@code query}, executed ({@code ANALYZE}). */
  @Transactional(Transactional.TxType.REQUIRED)
  public String explain(RecallQuery query) {
    try (Connection connection = dataSource.getConnection()) {
      tune(connection, query.candidates());
      try (PreparedStatement select = prepare(connection, "EXPLAIN (ANALYZE, COSTS OFF) ", query);
          ResultSet rs = select.executeQuery()) {
        StringBuilder plan = new StringBuilder();
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
        return plan.toString();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("explain failed: " + e.getMessage(), e);
    }
  }

  private PreparedStatement prepare(Connection connection, String prefix, RecallQuery query)
      throws SQLException {
    String scope = scope(query);
    String distance = VectorIndex.distance("c", query.vector().length);
    String sql =
        prefix
            + "WITH vec AS ("
            + " SELECT chunk_id, memory_id, row_number() OVER (ORDER BY distance, chunk_id) AS rnk"
            + " FROM (SELECT c.id AS chunk_id, c.memory_id, "
            + distance
            + " AS distance"
            + scope
            + " ORDER BY "
            + distance
            + " LIMIT ?) nearest"
            + " WHERE distance <= ?),"
            + " txt AS ("
            + " SELECT chunk_id, memory_id, row_number() OVER (ORDER BY rank DESC, chunk_id) AS rnk"
            + " FROM (SELECT c.id AS chunk_id, c.memory_id, ts_rank_cd(c.tsv, q.query) AS rank"
            + scope.replace(
                " WHERE ",
                ", (SELECT replace(plainto_tsquery('english', ?::text)::text, '&', '|')::tsquery"
                    + " AS query) q WHERE c.tsv @@ q.query AND ")
            + " ORDER BY rank DESC LIMIT ?) matched),"
            + " fused AS ("
            + " SELECT chunk_id, memory_id, sum(score) AS score FROM ("
            + " SELECT chunk_id, memory_id, ?::float8 / (?::int + rnk) AS score FROM vec"
            + " UNION ALL SELECT chunk_id, memory_id, ?::float8 / (?::int + rnk) FROM txt) s"
            + " GROUP BY chunk_id, memory_id),"
            + " best AS (SELECT DISTINCT ON (memory_id) memory_id, chunk_id, score FROM fused"
            + " ORDER BY memory_id, score DESC)"
            + " SELECT b.memory_id, c.content, m.meta::text, b.score FROM best b"
            + " JOIN memory_chunk c ON c.id = b.chunk_id JOIN memory m ON m.id = b.memory_id"
            + " ORDER BY b.score DESC, b.memory_id LIMIT ?";
    String vector = Vectors.literal(query.vector());
    PreparedStatement select = connection.prepareStatement(sql);
    int p = 1;
    select.setString(p++, vector);
    p = bindScope(select, p, query);
    select.setString(p++, vector);
    select.setInt(p++, query.candidates());
    select.setDouble(p++, query.maxDistance());
    select.setString(p++, query.text());
    p = bindScope(select, p, query);
    select.setInt(p++, query.candidates());
    select.setDouble(p++, settings.vectorWeight());
    select.setInt(p++, settings.rrfK());
    select.setDouble(p++, settings.textWeight());
    select.setInt(p++, settings.rrfK());
    select.setInt(p, query.limit());
    return select;
  }

  /**
   * The vector search alone, ordered by distance: {@code exact} disables the index (a sequential
   * scan), for measuring the HNSW search's recall against the truth.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public List<String> nearestChunks(
      String owner, String model, float[] vector, int k, boolean exact) {
    String literal = Vectors.literal(vector);
    try (Connection connection = dataSource.getConnection()) {
      tune(connection, k);
      if (exact) {
        try (Statement set = connection.createStatement()) {
          set.execute("SET LOCAL enable_indexscan = off");
        }
      }
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT c.id FROM memory_chunk c WHERE c.owner = ? AND "
                  + VectorIndex.modelIs("c", model)
                  + " ORDER BY "
                  + VectorIndex.distance("c", vector.length)
                  + " LIMIT ?")) {
        select.setString(1, owner);
        select.setString(2, literal);
        select.setInt(3, k);
        List<String> ids = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
        return ids;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("vector search failed: " + e.getMessage(), e);
    }
  }

  private void tune(Connection connection, int candidates) throws SQLException {
    try (Statement set = connection.createStatement()) {
      // Filtering by owner and model after the index scan: keep scanning until enough rows pass.
      // A custom plan on every run: once the driver prepares the statement on the server (its
      // fifth run on a connection), PostgreSQL would switch to a generic plan, which cannot see
      // the query vector and scores every chunk of the owner instead of walking the index.
      // All settings in one round trip.
      set.execute(
          "SET LOCAL plan_cache_mode = force_custom_plan;"
              + " SET LOCAL hnsw.iterative_scan = relaxed_order; SET LOCAL hnsw.ef_search = "
              + Math.min(1000, Math.max(settings.efSearch(), candidates)));
    }
  }

  private static String scope(RecallQuery query) {
    boolean join = !query.filter().isEmpty() || query.excludeConversation() != null;
    StringBuilder sql =
        new StringBuilder(" FROM memory_chunk c")
            .append(join ? " JOIN memory m ON m.id = c.memory_id" : "")
            .append(" WHERE c.owner = ? AND ")
            .append(VectorIndex.modelIs("c", query.model()));
    if (!query.filter().isEmpty()) {
      sql.append(" AND m.meta @> ?::jsonb");
    }
    if (query.excludeConversation() != null) {
      sql.append(" AND m.conversation_id IS DISTINCT FROM ?");
    }
    return sql.toString();
  }

  private static int bindScope(PreparedStatement statement, int from, RecallQuery query)
      throws SQLException {
    int p = from;
    statement.setString(p++, query.owner());
    if (!query.filter().isEmpty()) {
      statement.setString(p++, MetaJson.write(query.filter()));
    }
    if (query.excludeConversation() != null) {
      statement.setString(p++, query.excludeConversation());
    }
    return p;
  }
}
