package dev.zoclone.memory.repository;

import dev.zoclone.memory.Sha256;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The HNSW indexes on the untyped vector column, one per owner with many chunks: a partial index on
 * {@code embedding::halfvec(N)} for the rows of one owner and model, so vectors of any dimension
 * share one table and a search walks its owner's graph only. Searches must use {@link #distance}
 * and {@link #modelIs} verbatim, or the planner cannot match the index. An owner without an index
 * of their own is searched exactly, through the {@code (owner, model)} B-tree: no graph spans all
 * owners, since inserting into one cost most of an ingested chunk's store time.
 */
@ApplicationScoped
public class VectorIndex {
  private final AgroalDataSource dataSource;

  public VectorIndex(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The cosine distance between column {@code alias.embedding} and a bound vector parameter, in the
   * indexed expression's form.
   */
  public static String distance(String alias, int dimensions) {
    String type = "public.halfvec(" + dimensions + ")";
    return "(" + alias + ".embedding::" + type + " <=> ?::" + type + ")";
  }

  /**
   * The condition {@code alias.model = '<model>'} with the name as a literal: the planner can only
   * use a partial index whose predicate it can prove, which a bound parameter would hide from a
   * generic plan.
   */
  public static String modelIs(String alias, String model) {
    return alias + ".model = " + literal(model);
  }

  /**
   * The name of {@code owner}'s own index for {@code model} at {@code dimensions} (a hash: owner
   * ids may hold any character).
   */
  public static String ownerIndexName(String owner, String model, int dimensions) {
    return "memory_chunk_hnsw_o_"
        + Sha256.hex(model + "\n" + dimensions + "\n" + owner).substring(0, 24);
  }

  /**
   * Creates {@code owner}'s own index for {@code model} unless it exists (concurrently, so writes
   * go on while it builds): a partial HNSW index over that owner's rows only, which a recall of
   * that owner uses instead of reading and sorting all their rows (its plan is custom, so the owner
   * is a constant the planner can match against the index's predicate).
   */
  public void ensureForOwner(String owner, String model, int dimensions) {
    create(
        ownerIndexName(owner, model, dimensions),
        definition(dimensions, "model = " + literal(model) + " AND owner = " + literal(owner)));
  }

  /**
   * The owners with at least {@code minChunks} chunks of {@code model} and no valid index of their
   * own yet, those with the most chunks first.
   */
  public List<String> ownersWithoutIndex(String model, int dimensions, int minChunks) {
    Set<String> valid = new HashSet<>();
    List<String> owners = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement indexes = connection.createStatement();
        PreparedStatement heavy =
            connection.prepareStatement(
                "SELECT owner FROM memory_chunk WHERE model = ? GROUP BY owner"
                    + " HAVING count(*) >= ? ORDER BY count(*) DESC, owner")) {
      try (ResultSet rs =
          indexes.executeQuery(
              "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                  + " WHERE i.indrelid = 'memory_chunk'::regclass AND i.indisvalid"
                  + " AND c.relname LIKE 'memory\\_chunk\\_hnsw\\_o\\_%'")) {
        while (rs.next()) {
          valid.add(rs.getString(1));
        }
      }
      heavy.setString(1, model);
      heavy.setInt(2, minChunks);
      try (ResultSet rs = heavy.executeQuery()) {
        while (rs.next()) {
          String owner = rs.getString(1);
          if (!valid.contains(ownerIndexName(owner, model, dimensions))) {
            owners.add(owner);
          }
        }
      }
      return owners;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the owners that need an index", e);
    }
  }

  /**
   * pgvector's default graph (m 16, ef_construction 64): an insert costs about half of what the
   * denser m 24 / ef_construction 128 did, and an owner's graph is small enough that recall@10
   * stays above 0.95 at the recall's ef_search (docs/BENCHMARKS.md).
   */
  private static String definition(int dimensions, String predicate) {
    return " ON memory_chunk USING hnsw ((embedding::public.halfvec("
        + dimensions
        + ")) public.halfvec_cosine_ops) WITH (m = 16, ef_construction = 64) WHERE "
        + predicate;
  }

  private void create(String name, String definition) {
    String sql = "CREATE INDEX CONCURRENTLY IF NOT EXISTS " + name + definition;
    long start = System.nanoTime();
    try (Connection connection = dataSource.getConnection();
        Statement create = connection.createStatement()) {
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true); // CONCURRENTLY cannot run in a transaction
      }
      try (ResultSet rs =
          create.executeQuery(
              "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                  + " WHERE c.relname = '"
                  + name
                  + "' AND c.relnamespace = current_schema()::regnamespace")) {
        if (rs.next() && !rs.getBoolean(1)) {
          rs.close();
          // A concurrent build that was interrupted leaves an invalid index behind: build anew.
          Log.warnf("vector index %s is invalid, rebuilding it", name);
          create.execute("DROP INDEX CONCURRENTLY " + name);
        }
      }
      create.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create vector index " + name, e);
    }
    Log.infof("vector index %s ready (%d ms)", name, (System.nanoTime() - start) / 1_000_000);
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
