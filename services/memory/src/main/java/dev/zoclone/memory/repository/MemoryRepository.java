package dev.zoclone.memory.repository;

import dev.zoclone.contract.memory.MemoryVersion;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Memories, their chunks, history and audit rows; every read is scoped to an owner. */
@ApplicationScoped
public class MemoryRepository {
  private final AgroalDataSource dataSource;

  public MemoryRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Inserts a memory without chunks. */
  public void insert(
      String id,
      String owner,
      String kind,
      String content,
      Map<String, String> meta,
      String conversationId,
      String messageId) {
    update(
        "INSERT INTO memory (id, owner, kind, content, meta, conversation_id, message_id)"
            + " VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)",
        id,
        owner,
        kind,
        content,
        MetaJson.write(meta),
        conversationId,
        messageId);
  }

  /**
   * Inserts memories with their chunks in two statements, whatever their number (ingestion stores a
   * poll's worth at once).
   */
  public void insertAll(List<NewMemory> memories) {
    if (memories.isEmpty()) {
      return;
    }
    int n = memories.size();
    String[][] columns = new String[7][n];
    for (int i = 0; i < n; i++) {
      NewMemory memory = memories.get(i);
      columns[0][i] = memory.id();
      columns[1][i] = memory.owner();
      columns[2][i] = memory.kind();
      columns[3][i] = memory.content();
      columns[4][i] = MetaJson.write(memory.meta());
      columns[5][i] = memory.conversationId();
      columns[6][i] = memory.messageId();
    }
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO memory (id, owner, kind, content, meta, conversation_id, message_id)"
                  + " SELECT t.id, t.owner, t.kind, t.content, t.meta::jsonb, t.conversation_id,"
                  + " t.message_id FROM unnest(?::text[], ?::text[], ?::text[], ?::text[],"
                  + " ?::text[], ?::text[], ?::text[]) WITH ORDINALITY"
                  + " AS t (id, owner, kind, content, meta, conversation_id, message_id, n)"
                  + " ORDER BY t.n")) {
        for (int c = 0; c < columns.length; c++) {
          insert.setArray(c + 1, connection.createArrayOf("text", columns[c]));
        }
        insert.executeUpdate();
      }
      insertChunks(connection, memories);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store " + n + " memories", e);
    }
  }

  private static void insertChunks(Connection connection, List<NewMemory> memories)
      throws SQLException {
    List<String> memoryIds = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    List<Integer> seqs = new ArrayList<>();
    List<String> contents = new ArrayList<>();
    List<String> models = new ArrayList<>();
    List<String> vectors = new ArrayList<>();
    for (NewMemory memory : memories) {
      for (NewChunk chunk : memory.chunks()) {
        memoryIds.add(memory.id());
        owners.add(memory.owner());
        seqs.add(chunk.seq());
        contents.add(chunk.content());
        models.add(chunk.model());
        vectors.add(Vectors.literal(chunk.vector()));
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO memory_chunk (memory_id, owner, seq, content, model, embedding)"
                + " SELECT t.memory_id, t.owner, t.seq, t.content, t.model, t.embedding::vector"
                + " FROM unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[])"
                + " WITH ORDINALITY AS t (memory_id, owner, seq, content, model, embedding, n)"
                + " ORDER BY t.n")) {
      insert.setArray(1, connection.createArrayOf("text", memoryIds.toArray()));
      insert.setArray(2, connection.createArrayOf("text", owners.toArray()));
      insert.setArray(3, connection.createArrayOf("int4", seqs.toArray()));
      insert.setArray(4, connection.createArrayOf("text", contents.toArray()));
      insert.setArray(5, connection.createArrayOf("text", models.toArray()));
      insert.setArray(6, connection.createArrayOf("text", vectors.toArray()));
      insert.executeUpdate();
    }
  }

  /** Inserts the chunks of one memory. */
  public void insertChunks(String memoryId, String owner, List<NewChunk> chunks) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO memory_chunk (memory_id, owner, seq, content, model, embedding)"
                    + " VALUES (?, ?, ?, ?, ?, ?::vector)")) {
      for (NewChunk chunk : chunks) {
        insert.setString(1, memoryId);
        insert.setString(2, owner);
        insert.setInt(3, chunk.seq());
        insert.setString(4, chunk.content());
        insert.setString(5, chunk.model());
        insert.setString(6, Vectors.literal(chunk.vector()));
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the chunks of memory " + memoryId, e);
    }
  }

  /** The owner's memory with this id; empty when it is someone else's or does not exist. */
  public Optional<StoredMemory> find(String owner, String id) {
    return find(owner, id, "");
  }

  /**
   * The owner's memory, locked until the transaction ends, so that concurrent changes of one memory
   * take turns (each then reads the version the one before wrote).
   */
  public Optional<StoredMemory> findForUpdate(String owner, String id) {
    return find(owner, id, " FOR UPDATE");
  }

  private Optional<StoredMemory> find(String owner, String id, String lock) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, owner, kind, content, meta::text, version, created_at, updated_at"
                    + " FROM memory WHERE id = ? AND owner = ?"
                    + lock)) {
      select.setString(1, id);
      select.setString(2, owner);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new StoredMemory(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                MetaJson.read(rs.getString(5)),
                rs.getInt(6),
                rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8).toInstant()));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read memory " + id, e);
    }
  }

  /**
   * The owner's one-chunk memory (not a conversation turn) nearest {@code vector} among those of
   * {@code model}, when it is at or above {@code minSimilarity}.
   */
  public Optional<String> nearDuplicate(
      String owner, String model, float[] vector, double minSimilarity) {
    String literal = Vectors.literal(vector);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT c.memory_id, 1 - (c.embedding <=> ?::vector) AS similarity"
                    + " FROM memory_chunk c JOIN memory m ON m.id = c.memory_id"
                    + " WHERE c.owner = ? AND "
                    + VectorIndex.modelIs("c", model)
                    + " AND c.seq = 0 AND m.kind <> 'message'"
                    + " AND NOT EXISTS (SELECT 1 FROM memory_chunk o"
                    + " WHERE o.memory_id = c.memory_id AND o.seq = 1)"
                    + " ORDER BY "
                    + VectorIndex.distance("c", vector.length)
                    + " LIMIT 1")) {
      select.setString(1, literal);
      select.setString(2, owner);
      select.setString(3, literal);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() && rs.getDouble(2) >= minSimilarity
            ? Optional.of(rs.getString(1))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot look for duplicates", e);
    }
  }

  /** Keeps the current version in the history, then replaces content and meta; drops chunks. */
  public void replace(StoredMemory current, String content, Map<String, String> meta) {
    update(
        "INSERT INTO memory_version (memory_id, version, content, meta) VALUES (?, ?, ?, ?::jsonb)",
        current.id(),
        current.version(),
        current.content(),
        MetaJson.write(current.meta()));
    update(
        "UPDATE memory SET content = ?, meta = ?::jsonb, version = version + 1,"
            + " updated_at = clock_timestamp() WHERE id = ? AND owner = ?",
        content,
        MetaJson.write(meta),
        current.id(),
        current.owner());
    update("DELETE FROM memory_chunk WHERE memory_id = ?", current.id());
  }

  /** Earlier versions of a memory, newest first. */
  public List<MemoryVersion> history(String id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT version, content, meta::text, replaced_at FROM memory_version"
                    + " WHERE memory_id = ? ORDER BY version DESC")) {
      select.setString(1, id);
      List<MemoryVersion> versions = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          versions.add(
              new MemoryVersion(
                  rs.getInt(1),
                  rs.getString(2),
                  MetaJson.read(rs.getString(3)),
                  rs.getTimestamp(4).toInstant()));
        }
      }
      return versions;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the history of memory " + id, e);
    }
  }

  /** Deletes a memory with its chunks (vectors) and history, leaving an audit row. */
  public void delete(StoredMemory memory, String contentSha256) {
    update(
        "INSERT INTO memory_audit (memory_id, owner, action, version, content_sha256)"
            + " VALUES (?, ?, 'deleted', ?, ?)",
        memory.id(),
        memory.owner(),
        memory.version(),
        contentSha256);
    update("DELETE FROM memory WHERE id = ? AND owner = ?", memory.id(), memory.owner());
  }

  /** Serialises writes of one owner until the transaction ends, so dedup sees every memory. */
  public void lockOwner(String owner) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement lock =
            connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
      lock.setString(1, "memory:" + owner);
      lock.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot lock the memories of " + owner, e);
    }
  }

  /** How many memories of {@code kind} ({@code memory}, {@code document}, …) the owner has. */
  public long countOwned(String owner, String kind) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count =
            connection.prepareStatement(
                "SELECT count(*) FROM memory WHERE owner = ? AND kind = ?")) {
      count.setString(1, owner);
      count.setString(2, kind);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the memories of " + owner, e);
    }
  }

  /** Deletes the memories (and vectors) made from a conversation's turns. */
  public int deleteConversationTurns(String owner, String conversationId) {
    return update(
        "DELETE FROM memory WHERE owner = ? AND conversation_id = ?", owner, conversationId);
  }

  private int update(String sql, Object... params) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql.split(" ")[0] + ": " + e.getMessage(), e);
    }
  }
}
