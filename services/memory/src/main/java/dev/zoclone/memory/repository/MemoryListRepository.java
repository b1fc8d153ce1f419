package dev.zoclone.memory.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Pages of one owner's memories, newest first, with a keyset cursor (a memory id). */
@ApplicationScoped
public class MemoryListRepository {
  /** Characters of content a listed memory shows. */
  public static final int EXCERPT_CHARS = 200;

  private final AgroalDataSource dataSource;

  public MemoryListRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Up to {@code limit} of the owner's memories (only of {@code kind} unless null), newest first,
   * those after the memory {@code cursor} when it is not null.
   */
  public List<MemorySummary> page(String owner, String kind, String cursor, int limit) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql(kind != null, cursor != null))) {
      int p = 1;
      select.setString(p++, owner);
      if (kind != null) {
        select.setString(p++, kind);
      }
      if (cursor != null) {
        select.setString(p++, cursor);
        select.setString(p++, owner);
      }
      select.setInt(p, limit);
      List<MemorySummary> page = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          page.add(
              new MemorySummary(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getInt(4),
                  MetaJson.read(rs.getString(5)),
                  rs.getInt(6),
                  rs.getTimestamp(7).toInstant(),
                  rs.getTimestamp(8).toInstant()));
        }
      }
      return page;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the memories of " + owner, e);
    }
  }

  /**
   * The page's statement: the owner, then the kind and the cursor (twice) when asked, the limit.
   */
  static String sql(boolean byKind, boolean afterCursor) {
    return "SELECT id, kind, left(content, "
        + EXCERPT_CHARS
        + "), char_length(content), meta::text, version, created_at, updated_at"
        + " FROM memory WHERE owner = ?"
        + (byKind ? " AND kind = ?" : "")
        + (afterCursor
            ? " AND (created_at, id) < (SELECT created_at, id FROM memory"
                + " WHERE id = ? AND owner = ?)"
            : "")
        + " ORDER BY created_at DESC, id DESC LIMIT ?";
  }
}
