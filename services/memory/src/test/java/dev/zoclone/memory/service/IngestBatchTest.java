package dev.zoclone.memory.service;

import static dev.zoclone.memory.Callers.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.memory.ConversationMessage;
import dev.zoclone.contract.memory.IngestItem;
import dev.zoclone.memory.repository.ConversationRepository;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One batch as the consumer hands it over, stored with a fixed number of statements: each event is
 * still judged on its own (redelivered, a turn of a deleted conversation, or new).
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class IngestBatchTest {
  private static final String LONG_DOCUMENT = "Chapter one. " + "word ".repeat(700);

  @Inject IngestService ingest;
  @Inject ConversationRepository conversations;
  @Inject AgroalDataSource dataSource;

  @Test
  void aBatchStoresItsNewItemsOnlyNotRedeliveriesNorTurnsOfADeletedConversation() throws Exception {
    String user = newUser();
    String kept = conversation(user);
    String keptTurn = turn(kept, "The boiler service is booked for the ninth of March");
    String deleted = conversation(user);
    String deletedTurn = turn(deleted, "My locker code at the gym is 4711");
    conversations.delete(user, deleted);

    EventEnvelope earlier =
        item(user, "document", "The fence was painted green in May", null, null);
    assertThat(ingest.ingest(List.of(earlier))).isEqualTo(1);

    EventEnvelope liveTurn =
        item(
            user, "message", "The boiler service is booked for the ninth of March", kept, keptTurn);
    EventEnvelope goneTurn =
        item(user, "message", "My locker code at the gym is 4711", deleted, deletedTurn);
    EventEnvelope note = item(user, "message", "The library books are due on Friday", null, null);
    EventEnvelope chapters = item(user, "document", LONG_DOCUMENT, null, null);
    List<EventEnvelope> batch = new ArrayList<>();
    batch.add(liveTurn);
    batch.add(earlier); // redelivered from an earlier batch
    batch.add(goneTurn);
    batch.add(note);
    batch.add(liveTurn); // redelivered within the batch
    batch.add(chapters);

    assertThat(ingest.ingest(batch)).isEqualTo(3);
    assertThat(contents(user))
        .containsExactlyInAnyOrder(
            "The fence was painted green in May",
            "The boiler service is booked for the ninth of March",
            "The library books are due on Friday",
            LONG_DOCUMENT);
    assertThat(turnIdOf(user, "The boiler service is booked for the ninth of March"))
        .isEqualTo(keptTurn);
    assertThat(chunksOf(user, LONG_DOCUMENT)).isGreaterThan(1);
    assertThat(ingest.ingest(batch)).isZero();
    assertThat(contents(user)).hasSize(4);
  }

  private String conversation(String user) {
    String id = UUID.randomUUID().toString();
    conversations.create(id, user, null);
    return id;
  }

  private String turn(String conversationId, String content) {
    return conversations
        .append(
            conversationId,
            List.of(new ConversationMessage(null, "user", content, null, null, null)))
        .get(0)
        .id();
  }

  private static EventEnvelope item(
      String user, String kind, String content, String conversationId, String messageId) {
    IngestItem item =
        new IngestItem(user, kind, content, Map.of("source", "test"), conversationId, messageId);
    return EventEnvelope.of(
        "message".equals(kind) ? IngestItem.MESSAGE_EVENT : IngestItem.DOCUMENT_EVENT,
        "test",
        null,
        EventJson.mapper().valueToTree(item));
  }

  private List<String> contents(String user) throws SQLException {
    List<String> contents = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT content FROM memory WHERE owner = ?")) {
      select.setString(1, user);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          contents.add(rs.getString(1));
        }
      }
    }
    return contents;
  }

  private String turnIdOf(String user, String content) throws SQLException {
    return single("SELECT message_id FROM memory WHERE owner = ? AND content = ?", user, content);
  }

  private int chunksOf(String user, String content) throws SQLException {
    return Integer.parseInt(
        single(
            "SELECT count(*)::text FROM memory_chunk c JOIN memory m ON m.id = c.memory_id"
                + " WHERE m.owner = ? AND m.content = ?",
            user,
            content));
  }

  private String single(String sql, String user, String content) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, user);
      select.setString(2, content);
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }
}
