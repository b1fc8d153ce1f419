package dev.zoclone.memory.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.contract.memory.ConversationMessage;
import dev.zoclone.contract.memory.ConversationSummary;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Conversations and their turns; every read is scoped to an owner. */
@ApplicationScoped
public class ConversationRepository {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONVERSATION_COLUMNS =
      "id, owner, title, summary, summary_covers_until, created_at, updated_at";
  private static final String SUMMARY_SELECT =
      "SELECT c.id, c.title, (SELECT count(*) FROM message m WHERE m.conversation_id = c.id),"
          + " c.created_at, c.updated_at FROM conversation c";

  private final AgroalDataSource dataSource;

  public ConversationRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void create(String id, String owner, String title) {
    execute("INSERT INTO conversation (id, owner, title) VALUES (?, ?, ?)", id, owner, title);
  }

  /** The owner's conversation; empty when it is someone else's or does not exist. */
  public Optional<StoredConversation> find(String owner, String id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT "
                    + CONVERSATION_COLUMNS
                    + " FROM conversation WHERE id = ? AND owner = ?")) {
      select.setString(1, id);
      select.setString(2, owner);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(conversation(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read conversation " + id, e);
    }
  }

  /**
   * Marks the owner's conversation as updated now, locking its row until the transaction ends (so
   * appends to one conversation take turns); answers false when it is someone else's or does not
   * exist. Checks ownership and stamps the time in one statement.
   */
  public boolean touch(String owner, String id) {
    return execute(
            "UPDATE conversation SET updated_at = clock_timestamp() WHERE id = ? AND owner = ?",
            id,
            owner)
        == 1;
  }

  /**
   * Appends turns in order, in one statement, and answers them with their ids and times (the caller
   * has {@link #touch touched} the conversation).
   */
  public List<ConversationMessage> append(String conversationId, List<ConversationMessage> turns) {
    int n = turns.size();
    String[] ids = new String[n];
    String[] roles = new String[n];
    String[] contents = new String[n];
    String[] toolCalls = new String[n];
    String[] toolCallIds = new String[n];
    for (int i = 0; i < n; i++) {
      ConversationMessage turn = turns.get(i);
      ids[i] = java.util.UUID.randomUUID().toString();
      roles[i] = turn.role();
      contents[i] = turn.content() == null ? "" : turn.content();
      toolCalls[i] = turn.toolCalls() == null ? null : turn.toolCalls().toString();
      toolCallIds[i] = turn.toolCallId();
    }
    Map<String, Instant> created = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                // WITH ORDINALITY and ORDER BY: the turns get their sequence numbers in order.
                "INSERT INTO message (id, conversation_id, role, content, tool_calls, tool_call_id)"
                    + " SELECT t.id, ?, t.role, t.content, t.tool_calls::jsonb, t.tool_call_id"
                    + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                    + " WITH ORDINALITY AS t (id, role, content, tool_calls, tool_call_id, n)"
                    + " ORDER BY t.n RETURNING id, created_at")) {
      insert.setString(1, conversationId);
      insert.setArray(2, connection.createArrayOf("text", ids));
      insert.setArray(3, connection.createArrayOf("text", roles));
      insert.setArray(4, connection.createArrayOf("text", contents));
      insert.setArray(5, connection.createArrayOf("text", toolCalls));
      insert.setArray(6, connection.createArrayOf("text", toolCallIds));
      try (ResultSet rs = insert.executeQuery()) {
        while (rs.next()) {
          created.put(rs.getString(1), rs.getTimestamp(2).toInstant());
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot append to conversation " + conversationId, e);
    }
    List<ConversationMessage> stored = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ConversationMessage turn = turns.get(i);
      stored.add(
          new ConversationMessage(
              ids[i],
              turn.role(),
              turn.content(),
              turn.toolCalls(),
              turn.toolCallId(),
              created.get(ids[i])));
    }
    return stored;
  }

  /** The conversation's turns after sequence {@code afterSeq}, oldest first. */
  public List<StoredMessage> messagesAfter(String conversationId, long afterSeq) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT seq, id, role, content, tool_calls::text, tool_call_id, created_at"
                    + " FROM message WHERE conversation_id = ? AND seq > ? ORDER BY seq")) {
      select.setString(1, conversationId);
      select.setLong(2, afterSeq);
      List<StoredMessage> messages = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          messages.add(
              new StoredMessage(
                  rs.getLong(1),
                  new ConversationMessage(
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5) == null ? null : JSON.readTree(rs.getString(5)),
                      rs.getString(6),
                      rs.getTimestamp(7).toInstant())));
        }
      }
      return messages;
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("cannot read conversation " + conversationId, e);
    }
  }

  /** The sequence of a turn of this conversation. */
  public Optional<Long> seqOf(String conversationId, String messageId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT seq FROM message WHERE conversation_id = ? AND id = ?")) {
      select.setString(1, conversationId);
      select.setString(2, messageId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read message " + messageId, e);
    }
  }

  /**
   * Which of the turns still exist (their conversation, the owner's, was not deleted), in one
   * statement: the positions in {@code turns} of those that do.
   */
  public Set<Integer> existingTurns(List<TurnRef> turns) {
    Set<Integer> existing = new HashSet<>();
    if (turns.isEmpty()) {
      return existing;
    }
    int n = turns.size();
    String[] owners = new String[n];
    String[] conversationIds = new String[n];
    String[] messageIds = new String[n];
    for (int i = 0; i < n; i++) {
      owners[i] = turns.get(i).owner();
      conversationIds[i] = turns.get(i).conversationId();
      messageIds[i] = turns.get(i).messageId();
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT t.n FROM unnest(?::text[], ?::text[], ?::text[])"
                    + " WITH ORDINALITY AS t (owner, conversation_id, message_id, n)"
                    + " WHERE EXISTS (SELECT 1 FROM message m"
                    + " JOIN conversation c ON c.id = m.conversation_id"
                    + " WHERE c.owner = t.owner AND c.id = t.conversation_id"
                    + " AND m.id = t.message_id)")) {
      select.setArray(1, connection.createArrayOf("text", owners));
      select.setArray(2, connection.createArrayOf("text", conversationIds));
      select.setArray(3, connection.createArrayOf("text", messageIds));
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          existing.add((int) rs.getLong(1) - 1);
        }
      }
      return existing;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + n + " messages", e);
    }
  }

  public void updateSummary(String conversationId, String summary, long coversUntil) {
    execute(
        "UPDATE conversation SET summary = ?, summary_covers_until = ?,"
            + " updated_at = clock_timestamp() WHERE id = ?",
        summary,
        coversUntil,
        conversationId);
  }

  /**
   * A page of the owner's conversations, newest first, after the conversation {@code cursor}; with
   * {@code contains}, only those whose title or one of whose messages holds it (case-insensitive).
   */
  public List<ConversationSummary> list(String owner, int limit, String cursor, String contains) {
    String sql =
        SUMMARY_SELECT
            + " WHERE c.owner = ?"
            + (cursor == null
                ? ""
                : " AND (c.created_at, c.id) < (SELECT created_at, id FROM conversation"
                    + " WHERE id = ? AND owner = ?)")
            + (contains == null
                ? ""
                : " AND (strpos(lower(coalesce(c.title, '')), lower(?)) > 0 OR EXISTS (SELECT 1"
                    + " FROM message m WHERE m.conversation_id = c.id"
                    + " AND strpos(lower(m.content), lower(?)) > 0))")
            + " ORDER BY c.created_at DESC, c.id DESC LIMIT ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      int p = 1;
      select.setString(p++, owner);
      if (cursor != null) {
        select.setString(p++, cursor);
        select.setString(p++, owner);
      }
      if (contains != null) {
        select.setString(p++, contains);
        select.setString(p++, contains);
      }
      select.setInt(p, limit);
      return summaries(select);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list conversations", e);
    }
  }

  /** The owner's conversation as the list shows it. */
  public Optional<ConversationSummary> summary(String owner, String id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(SUMMARY_SELECT + " WHERE c.owner = ? AND c.id = ?")) {
      select.setString(1, owner);
      select.setString(2, id);
      return summaries(select).stream().findFirst();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read conversation " + id, e);
    }
  }

  /** Sets the title of the owner's conversation. */
  public void rename(String owner, String id, String title) {
    execute(
        "UPDATE conversation SET title = ?, updated_at = clock_timestamp()"
            + " WHERE id = ? AND owner = ?",
        title,
        id,
        owner);
  }

  private static List<ConversationSummary> summaries(PreparedStatement select) throws SQLException {
    List<ConversationSummary> page = new ArrayList<>();
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        page.add(
            new ConversationSummary(
                rs.getString(1),
                rs.getString(2),
                rs.getInt(3),
                rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5).toInstant()));
      }
    }
    return page;
  }

  /** Deletes the conversation with its turns. */
  public void delete(String owner, String id) {
    execute("DELETE FROM conversation WHERE id = ? AND owner = ?", id, owner);
  }

  private static StoredConversation conversation(ResultSet rs) throws SQLException {
    return new StoredConversation(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getLong(5),
        rs.getTimestamp(6).toInstant(),
        rs.getTimestamp(7).toInstant());
  }

  private int execute(String sql, Object... params) {
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
