package dev.zoclone.memory.rest;

import static dev.zoclone.memory.Callers.as;
import static dev.zoclone.memory.Callers.memorize;
import static dev.zoclone.memory.Callers.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zoclone.memory.repository.RecallQuery;
import dev.zoclone.memory.repository.RecallRepository;
import dev.zoclone.memory.repository.VectorIndex;
import dev.zoclone.memory.service.Embeddings;
import dev.zoclone.memory.service.OwnerIndexes;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recall for one owner among many: an owner past {@code owner-index-min-chunks} (500 in tests) gets
 * an HNSW index of their own, and the recall statement's plan walks it instead of the model's
 * shared graph, where it would discard other owners' rows.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class OwnerIndexTest {
  @Inject AgroalDataSource dataSource;
  @Inject Embeddings embeddings;
  @Inject RecallRepository recallRepository;
  @Inject OwnerIndexes ownerIndexes;

  @Test
  void anOwnerWithManyChunksGetsAnIndexOfTheirOwnAndRecallWalksIt() {
    String heavy = newUser();
    String other = newUser();
    String model = embeddings.modelName();
    // the two owners' chunks interleaved, as they are written over time
    execute(seedChunks(List.of(heavy, other), model, 700));
    String budget = memorize(heavy, "The quarterly budget review moved to Thursday afternoon");
    String index = VectorIndex.ownerIndexName(heavy, model, embeddings.dimensions());
    String otherIndex = VectorIndex.ownerIndexName(other, model, embeddings.dimensions());

    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> isValidIndex(index) && isValidIndex(otherIndex));
    // Statistics as autovacuum keeps them. ANALYZE waits for any index still being built
    // concurrently (another test's owner), which in turn waits for ANALYZE's transaction: give up
    // the lock after a second and try again rather than deadlock.
    await()
        .atMost(Duration.ofMinutes(3))
        .ignoreExceptions()
        .until(
            () -> {
              execute("SET LOCAL lock_timeout = '1s'; ANALYZE memory_chunk");
              return true;
            });

    RecallQuery query =
        new RecallQuery(
            heavy,
            model,
            embeddings.embed("budget review"),
            "budget review",
            Map.of(),
            null,
            5,
            20,
            0.8);
    String plan = QuarkusTransaction.requiringNew().call(() -> recallRepository.explain(query));
    assertThat(plan).contains("Index Scan using " + index);
    List<String> found =
        as(heavy)
            .body(Map.of("query", "When is the budget review?", "top_k", 5))
            .post("/api/v1/memories/recall")
            .then()
            .statusCode(200)
            .extract()
            .path("results.id");
    assertThat(found).first().isEqualTo(budget);
  }

  /**
   * A concurrent build that failed leaves an invalid index under the owner's index name, which
   * {@code CREATE INDEX IF NOT EXISTS} alone would take for done: the pass drops it and builds the
   * owner's HNSW index anew.
   */
  @Test
  void anInvalidOwnerIndexLeftByAFailedBuildIsRebuilt() {
    String owner = newUser();
    String model = embeddings.modelName();
    String index = VectorIndex.ownerIndexName(owner, model, embeddings.dimensions());
    // Ten chunks (below the threshold, so the pass leaves the owner alone) on which the index
    // expression below divides by zero: the concurrent build fails and leaves its index INVALID.
    execute(seedChunks(List.of(owner), model, 10).replace("'seed chunk ' || g", "'poison'"));
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute(
          "CREATE INDEX CONCURRENTLY "
              + index
              + " ON memory_chunk ((1 / (length(content) - 6))) WHERE owner = '"
              + owner
              + "'");
      throw new AssertionError("the poisoned build succeeded");
    } catch (SQLException expected) {
      assertThat(expected.getMessage()).contains("division by zero");
    }
    assertThat(exists(index)).isTrue();
    assertThat(definitionOf(index)).doesNotContain("USING hnsw");

    // Past the threshold now (these chunks' texts are longer, so the invalid index, still kept up
    // to date by writes, takes them).
    execute(seedChunks(List.of(owner), model, 600).replace("-m' || g", "-n' || g"));

    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> isValidIndex(index));
    assertThat(definitionOf(index)).contains("USING hnsw").contains(owner);
  }

  @Test
  void anOwnerWithFewChunksGetsNoIndex() {
    String light = newUser();
    memorize(light, "Only a few words to remember");

    ownerIndexes.createMissing();

    assertThat(
            exists(
                VectorIndex.ownerIndexName(light, embeddings.modelName(), embeddings.dimensions())))
        .isFalse();
  }

  /**
   * {@code count} chunks of random vectors for each owner, the owners' rows interleaved; stored as
   * documents, which the memories quota does not count.
   */
  private static String seedChunks(List<String> owners, String model, int count) {
    StringBuilder sql = new StringBuilder();
    for (String owner : owners) {
      sql.append(
          "INSERT INTO memory (id, owner, kind, content) SELECT '%1$s-m' || g, '%1$s', 'document', 'seed ' || g FROM generate_series(1, %2$d) g;"
              .formatted(owner, count));
    }
    sql.append(" INSERT INTO memory_chunk (memory_id, owner, seq, content, model, embedding)")
        .append(" SELECT o || '-m' || g, o, 0, 'seed chunk ' || g, '")
        .append(model)
        .append("', (SELECT array_agg(random() - 0.5)::float4[] FROM generate_series(1, 384)")
        .append(" WHERE g > 0 AND o IS NOT NULL)::public.vector")
        .append(" FROM generate_series(1, ")
        .append(count)
        .append(") g, unnest(ARRAY['")
        .append(String.join("','", owners))
        .append("']) o ORDER BY g, o");
    return sql.toString();
  }

  private boolean isValidIndex(String name) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                    + " WHERE c.relname = ?")) {
      select.setString(1, name);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private String definitionOf(String index) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT indexdef FROM pg_indexes WHERE indexname = ?")) {
      select.setString(1, index);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getString(1) : "";
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean exists(String name) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT 1 FROM pg_class WHERE relname = ?")) {
      select.setString(1, name);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void execute(String sql) {
    QuarkusTransaction.requiringNew()
        .timeout(600) // a seed's inserts into the HNSW graph are slow on a loaded machine
        .run(
            () -> {
              try (Connection connection = dataSource.getConnection();
                  Statement statement = connection.createStatement()) {
                statement.execute(sql);
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
  }
}
