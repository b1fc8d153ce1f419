package dev.zoclone.memory.messaging;

import static dev.zoclone.memory.Callers.as;
import static dev.zoclone.memory.Callers.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.Topics;
import dev.zoclone.contract.memory.IngestItem;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.testing.infra.LocalInfra;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class IngestConsumerTest {
  @Inject AgroalDataSource dataSource;
  @Inject MeterRegistry meters;

  @Test
  void ingestedDocumentsBecomeRecallableAndARedeliveredEventIsStoredOnce() throws Exception {
    String user = newUser();
    List<EventEnvelope> events = new ArrayList<>();
    for (String filler : FILLERS) {
      events.add(document(user, filler));
    }
    // A stand-alone message: messages are never deduplicated by content, so only the event id
    // keeps its redelivery from being stored twice.
    EventEnvelope wanted = item(user, "message", "The spare house key is under the blue flowerpot");
    events.add(wanted);

    send(events);
    send(List.of(wanted)); // redelivery of the same event id

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> count("SELECT count(*) FROM memory WHERE owner = ?", user) == FILLERS.size() + 1);
    List<String> found =
        as(user)
            .body(Map.of("query", "where can I find the key to get into my home", "top_k", 1))
            .post("/api/v1/memories/recall")
            .then()
            .statusCode(200)
            .extract()
            .path("results.content");
    assertThat(found).containsExactly("The spare house key is under the blue flowerpot");
    Thread.sleep(1000); // give a late duplicate its chance to show up
    assertThat(count("SELECT count(*) FROM memory WHERE owner = ?", user))
        .isEqualTo(FILLERS.size() + 1);
  }

  @Test
  void aRecordThatIsNotAnEventIsSkippedAndLaterEventsStillArrive() throws Exception {
    String user = newUser();
    try (KafkaProducer<String, String> producer = producer()) {
      producer.send(new ProducerRecord<>(Topics.MEMORY_INGEST, user, "not json")).get();
    }
    send(List.of(document(user, "Ingestion survives a poison record")));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> count("SELECT count(*) FROM memory WHERE owner = ?", user) == 1);
  }

  /**
   * The consumer embeds the next poll's records while the batch before it is still being stored, so
   * the model and the database work at once; a batch held up in the database is stored once it can
   * be. Here the chunk table is locked, so the first batch cannot be stored.
   */
  @Test
  void aBatchIsEmbeddedWhileTheBatchBeforeItIsStillBeingStored() throws Exception {
    String user = newUser();
    DistributionSummary embedded = meters.get("zo.memory.embedding.batch").summary();
    double before = embedded.totalAmount();
    try (Connection lock = dataSource.getConnection()) {
      lock.setAutoCommit(false);
      try (Statement statement = lock.createStatement()) {
        statement.execute("LOCK TABLE memory_chunk IN SHARE MODE");
      }
      send(List.of(item(user, "message", "The first batch waits for the chunk table")));
      await().atMost(Duration.ofSeconds(60)).until(() -> embedded.totalAmount() >= before + 1);
      send(List.of(item(user, "message", "The second batch is embedded meanwhile")));
      await().atMost(Duration.ofSeconds(60)).until(() -> embedded.totalAmount() >= before + 2);
      assertThat(count("SELECT count(*) FROM memory WHERE owner = ?", user)).isZero();
      lock.rollback();
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> count("SELECT count(*) FROM memory WHERE owner = ?", user) == 2);
  }

  private static final List<String> FILLERS =
      List.of(
          "The garden needs watering twice a week in summer",
          "Quarterly taxes are due in the middle of April",
          "The dentist appointment moved to Thursday",
          "Our dog gets his vaccine booster in March",
          "The wifi password changed after the router reset",
          "Grandma's lasagna recipe uses three kinds of cheese",
          "The car's winter tyres are stored at the garage",
          "Book club reads a science fiction novel this month",
          "The printer only works with the left USB port");

  private static EventEnvelope document(String user, String content) {
    return item(user, "document", content);
  }

  private static EventEnvelope item(String user, String kind, String content) {
    IngestItem item = new IngestItem(user, kind, content, Map.of("source", "test"), null, null);
    return EventEnvelope.of(
        "message".equals(kind) ? IngestItem.MESSAGE_EVENT : IngestItem.DOCUMENT_EVENT,
        "test",
        null,
        EventJson.mapper().valueToTree(item));
  }

  private static void send(List<EventEnvelope> events) throws Exception {
    try (KafkaProducer<String, String> producer = producer()) {
      for (EventEnvelope event : events) {
        producer.send(
            new ProducerRecord<>(Topics.MEMORY_INGEST, event.id(), EventJson.write(event)));
      }
      producer.flush();
    }
  }

  private static KafkaProducer<String, String> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.KAFKA_BOOTSTRAP);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(props);
  }

  private long count(String sql, String param) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, param);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
