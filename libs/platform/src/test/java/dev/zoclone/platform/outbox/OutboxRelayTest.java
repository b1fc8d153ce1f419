package dev.zoclone.platform.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.platform.events.ProcessedEvents;
import dev.zoclone.testing.infra.LocalInfra;
import dev.zoclone.testing.infra.LocalKafka;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class OutboxRelayTest {
  private static final String CONSUMER = "outbox-test-consumer";

  @Inject Outbox outbox;
  @Inject OutboxRelay relay;
  @Inject ProcessedEvents processedEvents;
  @Inject AgroalDataSource dataSource;

  private String topic;
  private KafkaConsumer<String, String> consumer;

  @BeforeEach
  void freshTopicAndConsumer() throws Exception {
    relay.stop();
    topic = "zo.test.outbox-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", LocalInfra.KAFKA_BOOTSTRAP))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    consumer = LocalKafka.consumer("outbox-test", false);
    consumer.subscribe(List.of(topic));
  }

  @AfterEach
  void closeConsumer() {
    consumer.close();
    relay.start();
  }

  @Test
  void stateAndEventCommittedTogetherArriveExactlyOnceAfterTheRelayRestarts() throws Exception {
    EventEnvelope event = newEvent("order-1");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              execute("INSERT INTO test_order (id, status) VALUES ('order-1', 'PLACED')");
              outbox.publish(topic, "order-1", event);
            });

    // The relay is stopped, as if the process died after the commit and before any send.
    assertThat(poll(Duration.ofSeconds(2))).isEmpty();
    assertThat(sentAt(event.id())).isNull();

    relay.start();
    await().atMost(Duration.ofSeconds(15)).until(() -> sentAt(event.id()) != null);

    // A crash after the send but before the mark committed leaves the row unsent: it goes again.
    relay.stop();
    execute("UPDATE outbox SET sent_at = NULL WHERE id = '" + event.id() + "'");
    assertThat(relay.relayPending()).isEqualTo(1);

    List<ConsumerRecord<String, String>> records = pollUntil(2, Duration.ofSeconds(15));
    assertThat(records).hasSize(2);
    for (ConsumerRecord<String, String> record : records) {
      assertThat(record.key()).isEqualTo("order-1");
      consumeDeduplicated(EventJson.read(record.value()));
    }

    assertThat(handledCount(event.id())).isEqualTo(1);
    assertThat(EventJson.read(records.get(0).value())).isEqualTo(event);
  }

  @Test
  void rolledBackStateLeavesNoEvent() {
    EventEnvelope event = newEvent("order-2");
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                execute("INSERT INTO test_order (id, status) VALUES ('order-2', 'PLACED')");
                outbox.publish(topic, "order-2", event);
                throw new IllegalStateException("business rule failed");
              });
    } catch (IllegalStateException expected) {
      // the transaction rolled back
    }
    relay.start();
    assertThat(poll(Duration.ofSeconds(2))).isEmpty();
    assertThat(countRows("outbox WHERE id = '" + event.id() + "'")).isZero();
  }

  @Test
  void aFailedSendStaysUnsentWithItsErrorAndABackoff() throws Exception {
    EventEnvelope event = newEvent("order-3");
    QuarkusTransaction.requiringNew()
        .run(() -> outbox.publish("not a valid topic name!", "order-3", event));

    assertThat(relay.relayPending()).isZero();

    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT sent_at, attempts, last_error, next_attempt_at > created_at FROM outbox"
                    + " WHERE id = ?")) {
      select.setString(1, event.id());
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getTimestamp(1)).isNull();
        assertThat(rs.getInt(2)).isEqualTo(1);
        assertThat(rs.getString(3)).isNotBlank();
        assertThat(rs.getBoolean(4)).isTrue();
      }
    }
    execute("DELETE FROM outbox WHERE id = '" + event.id() + "'");
  }

  @Test
  void aBatchIsOneRowAndArrivesAsOneRecordPerEventInOrderWithItsKeyAndId() throws Exception {
    List<EventEnvelope> events =
        List.of(newEvent("order-b1"), newEvent("order-b2"), newEvent("order-b3"));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                outbox.publishAll(
                    topic,
                    events.stream()
                        .map(event -> new Outbox.KeyedEvent(event.subject(), event))
                        .toList()));
    assertThat(countRows("outbox WHERE id = 'batch-" + events.get(0).id() + "'")).isEqualTo(1);

    assertThat(relay.relayPending()).isEqualTo(1);

    List<ConsumerRecord<String, String>> records = pollUntil(3, Duration.ofSeconds(15));
    assertThat(records)
        .extracting(ConsumerRecord::key)
        .containsExactly("order-b1", "order-b2", "order-b3");
    assertThat(records).extracting(record -> EventJson.read(record.value())).isEqualTo(events);
    assertThat(records)
        .extracting(record -> new String(record.headers().lastHeader("zo-event-id").value(), UTF_8))
        .isEqualTo(events.stream().map(EventEnvelope::id).toList());
    assertThat(sentAt("batch-" + events.get(0).id())).isNotNull();
  }

  @Test
  void aPassStopsAtTheByteBudgetAndTheNextPassesTakeTheRestInOrder() {
    // max-pass-bytes is 2000 in the test configuration; each of these rows is about 1.3 kB
    List<EventEnvelope> events =
        List.of(newEvent("order-p1", 900), newEvent("order-p2", 900), newEvent("order-p3", 900));
    QuarkusTransaction.requiringNew()
        .run(() -> events.forEach(event -> outbox.publish(topic, event.subject(), event)));

    assertThat(relay.relayPending()).isEqualTo(1);
    assertThat(relay.relayPending()).isEqualTo(1);
    assertThat(relay.relayPending()).isEqualTo(1);
    assertThat(relay.relayPending()).isZero();

    assertThat(pollUntil(3, Duration.ofSeconds(15)))
        .extracting(ConsumerRecord::key)
        .containsExactly("order-p1", "order-p2", "order-p3");
  }

  @Test
  void aRowThatIsNotABatchOfEventsStaysUnsentWithItsErrorAndTheOthersGo() throws Exception {
    EventEnvelope good = newEvent("order-7");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              execute(
                  "INSERT INTO outbox (id, topic, payload) VALUES ('broken-batch', '"
                      + topic
                      + "', '[{\"key\": \"order-x\"}]')");
              outbox.publish(topic, "order-7", good);
            });

    assertThat(relay.relayPending()).isEqualTo(1);

    assertThat(pollUntil(1, Duration.ofSeconds(15)))
        .extracting(ConsumerRecord::key)
        .containsExactly("order-7");
    assertThat(sentAt("broken-batch")).isNull();
    assertThat(countRows("outbox WHERE id = 'broken-batch' AND last_error IS NOT NULL"))
        .isEqualTo(1);
    execute("DELETE FROM outbox WHERE id = 'broken-batch'");
  }

  @Test
  void sentRowsAreDeletedOnceOlderThanTheRetentionAndUnsentOnesNever() throws Exception {
    EventEnvelope old = newEvent("order-4");
    EventEnvelope recent = newEvent("order-5");
    EventEnvelope unsent = newEvent("order-6");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              outbox.publish(topic, "order-4", old);
              outbox.publish(topic, "order-5", recent);
            });
    relay.start();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> sentAt(old.id()) != null && sentAt(recent.id()) != null);
    relay.stop();
    QuarkusTransaction.requiringNew().run(() -> outbox.publish(topic, "order-6", unsent));
    // age the first row and the unsent one past the retention (1h by default)
    execute(
        "UPDATE outbox SET sent_at = now() - interval '2 hours', created_at = now() - interval"
            + " '2 hours' WHERE id = '"
            + old.id()
            + "'");
    execute(
        "UPDATE outbox SET created_at = now() - interval '2 hours' WHERE id = '"
            + unsent.id()
            + "'");

    relay.purgeSent(); // (the scheduled purge may have got there first)

    assertThat(countRows("outbox WHERE id = '" + old.id() + "'")).isZero();
    assertThat(countRows("outbox WHERE id = '" + recent.id() + "'")).isEqualTo(1);
    assertThat(countRows("outbox WHERE id = '" + unsent.id() + "'")).isEqualTo(1);
    assertThat(relay.purgeSent()).isZero();
    execute("DELETE FROM outbox WHERE id = '" + unsent.id() + "'");
  }

  @Test
  void aRowTheBrokerRefusesIsDeadLetteredListedAndNeverHoldsUpTheRowsAfterIt() throws Exception {
    EventEnvelope huge = newEvent("order-huge", 2_000_000); // over the 1 MB request limit
    EventEnvelope after = newEvent("order-after");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              outbox.publish(topic, "order-huge", huge);
              outbox.publish(topic, "order-after", after);
            });

    relay.relayPending(); // the huge row alone fills a pass (the test budget is 2,000 bytes)
    assertThat(relay.relayPending()).isEqualTo(1);
    assertThat(pollUntil(1, Duration.ofSeconds(15)))
        .extracting(ConsumerRecord::key)
        .containsExactly("order-after");

    String dead = "outbox WHERE id = '" + huge.id() + "' AND sent_at IS NULL AND attempts = 1";
    assertThat(countRows(dead + " AND next_attempt_at = 'infinity'")).isEqualTo(1);
    execute("UPDATE outbox SET created_at = created_at WHERE id = '" + huge.id() + "'");
    assertThat(relay.relayPending()).isZero(); // never tried again
    assertThat(countRows(dead)).isEqualTo(1);

    io.restassured.RestAssured.given()
        .header("X-Zo-Internal-Secret", "test-internal-secret")
        .header("X-Zo-User", "operator")
        .get("/internal/v1/outbox/dead-letters")
        .then()
        .statusCode(200)
        .body("service", org.hamcrest.Matchers.is("platform-test"))
        .body("rows.id", org.hamcrest.Matchers.hasItem(huge.id()))
        .body(
            "rows.find { it.id == '" + huge.id() + "' }.last_error",
            org.hamcrest.Matchers.containsString("RecordTooLarge"));
    execute("DELETE FROM outbox WHERE id = '" + huge.id() + "'");
  }

  private void consumeDeduplicated(EventEnvelope event) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (processedEvents.firstDelivery(CONSUMER, event.id())) {
                execute(
                    "INSERT INTO test_delivery (event_id, handled) VALUES ('"
                        + event.id()
                        + "', 1) ON CONFLICT (event_id) DO UPDATE"
                        + " SET handled = test_delivery.handled + 1");
              }
            });
  }

  private EventEnvelope newEvent(String orderId) {
    return newEvent(orderId, 0);
  }

  /** An event whose data carries {@code padding} extra characters. */
  private EventEnvelope newEvent(String orderId, int padding) {
    return EventEnvelope.of(
        "zo.test.order.placed",
        "platform-test",
        orderId,
        JsonNodeFactory.instance
            .objectNode()
            .put("order_id", orderId)
            .put("note", "x".repeat(padding)));
  }

  private List<ConsumerRecord<String, String>> poll(Duration duration) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end) {
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }
    return records;
  }

  private List<ConsumerRecord<String, String>> pollUntil(int count, Duration max) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    long end = System.nanoTime() + max.toNanos();
    while (records.size() < count && System.nanoTime() < end) {
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }
    records.addAll(poll(Duration.ofSeconds(1)));
    return records;
  }

  private Object sentAt(String id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT sent_at FROM outbox WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getTimestamp(1);
      }
    }
  }

  private int handledCount(String eventId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT handled FROM test_delivery WHERE event_id = ?")) {
      select.setString(1, eventId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  private int countRows(String fromWhere) {
    try (Connection connection = dataSource.getConnection();
        ResultSet rs =
            connection.createStatement().executeQuery("SELECT count(*) FROM " + fromWhere)) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void execute(String sql) {
    try (Connection connection = dataSource.getConnection()) {
      connection.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
