package dev.zoclone.memory.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Chunks whose vector another model made, for re-embedding. */
@ApplicationScoped
public class ChunkRepository {
  private final AgroalDataSource dataSource;

  public ChunkRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Claims up to {@code limit} chunks not embedded by {@code model}, skipping claimed ones. */
  public List<StaleChunk> claimStale(String model, int limit) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, content FROM memory_chunk WHERE model <> ?"
                    + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
      select.setString(1, model);
      select.setInt(2, limit);
      List<StaleChunk> chunks = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          chunks.add(new StaleChunk(rs.getLong(1), rs.getString(2)));
        }
      }
      return chunks;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot claim stale chunks", e);
    }
  }

  /** Stores a chunk's new vector and the model that made it. */
  public void reembed(List<StaleChunk> chunks, List<float[]> vectors, String model) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE memory_chunk SET embedding = ?::vector, model = ? WHERE id = ?")) {
      for (int i = 0; i < chunks.size(); i++) {
        update.setString(1, Vectors.literal(vectors.get(i)));
        update.setString(2, model);
        update.setLong(3, chunks.get(i).id());
        update.addBatch();
      }
      update.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store re-embedded chunks", e);
    }
  }

  /** A chunk to re-embed. */
  public record StaleChunk(long id, String content) {}
}
