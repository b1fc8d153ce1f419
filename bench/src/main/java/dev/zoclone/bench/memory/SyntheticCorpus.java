package dev.zoclone.bench.memory;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills memory's tables with a large corpus quickly: each chunk is one of a few hundred real
 * sentence vectors (embedded by the running memory service) plus Gaussian noise, renormalised,
 * which keeps the clustered shape of real sentence vectors that an HNSW search meets. Rows are
 * written with {@code COPY}; the memory service then builds the owner indexes it wants.
 */
final class SyntheticCorpus {
  private static final double NOISE = 0.02;
  private static final int COPY_BATCH = 20_000;

  private final Connection connection;
  private final List<float[]> bases;
  private final String model;
  private final Random random = new Random(42);

  SyntheticCorpus(Connection connection, List<float[]> bases, String model) {
    this.connection = connection;
    this.bases = bases;
    this.model = model;
  }

  /** The vectors and model of every chunk {@code owner} has stored. */
  static List<float[]> vectorsOf(Connection connection, String owner) throws SQLException {
    List<float[]> vectors = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT embedding::text FROM memory_chunk WHERE owner = ? ORDER BY id")) {
      select.setString(1, owner);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          vectors.add(parse(rs.getString(1)));
        }
      }
    }
    return vectors;
  }

  /** Writes {@code count} chunks (one memory each) for {@code owner}. */
  void add(String owner, int count) throws SQLException, IOException {
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    for (int from = 0; from < count; from += COPY_BATCH) {
      int to = Math.min(count, from + COPY_BATCH);
      StringBuilder memories = new StringBuilder();
      StringBuilder chunks = new StringBuilder();
      for (int i = from; i < to; i++) {
        String id = "syn-" + owner + "-" + i;
        String content = "chunk " + i;
        memories.append(id).append('\t').append(owner).append('\t').append(content).append('\n');
        chunks
            .append(id)
            .append('\t')
            .append(owner)
            .append("\t0\t")
            .append(content)
            .append('\t')
            .append(model)
            .append('\t')
            .append(literal(noisy(bases.get(random.nextInt(bases.size())))))
            .append('\n');
      }
      copy.copyIn(
          "COPY memory (id, owner, content) FROM STDIN", new StringReader(memories.toString()));
      copy.copyIn(
          "COPY memory_chunk (memory_id, owner, seq, content, model, embedding) FROM STDIN",
          new StringReader(chunks.toString()));
    }
  }

  /** Refreshes the planner's statistics after a bulk load. */
  void analyze() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE memory");
      statement.execute("ANALYZE memory_chunk");
    }
  }

  private float[] noisy(float[] base) {
    float[] vector = new float[base.length];
    double norm = 0;
    for (int d = 0; d < base.length; d++) {
      vector[d] = (float) (base[d] + random.nextGaussian() * NOISE);
      norm += vector[d] * vector[d];
    }
    double scale = 1 / Math.sqrt(norm);
    for (int d = 0; d < vector.length; d++) {
      vector[d] *= (float) scale;
    }
    return vector;
  }

  private static String literal(float[] vector) {
    StringBuilder text = new StringBuilder(vector.length * 10).append('[');
    for (int d = 0; d < vector.length; d++) {
      text.append(d == 0 ? "" : ",").append(vector[d]);
    }
    return text.append(']').toString();
  }

  private static float[] parse(String literal) {
    String[] parts = literal.substring(1, literal.length() - 1).split(",");
    float[] vector = new float[parts.length];
    for (int d = 0; d < parts.length; d++) {
      vector[d] = Float.parseFloat(parts[d]);
    }
    return vector;
  }
}
