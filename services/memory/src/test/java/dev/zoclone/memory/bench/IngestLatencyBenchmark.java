package dev.zoclone.memory.bench;

import static dev.zoclone.memory.Callers.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.Topics;
import dev.zoclone.contract.memory.IngestItem;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.testing.infra.LocalInfra;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Prints produce→recallable latency of {@code zo.memory.ingest} under steady load: messages are
 * produced to the real broker at {@code bench.rate} per second for {@code bench.seconds} while the
 * in-process service consumes them; a message counts as recallable when its row is committed
 * (recall reads committed rows). Not a test (the name keeps it out of the default run).
 *
 * <p>Run: {@code ./mvnw -o -pl services/memory test -Dtest=IngestLatencyBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench.rate=50 -Dbench.seconds=30}.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class IngestLatencyBenchmark {
  private static final String[] WORDS = {
    "backup", "garden", "invoice", "printer", "flight", "dentist", "router", "recipe", "marathon",
    "standup", "tax", "server", "boiler", "tyres", "vaccine", "novel", "key", "password"
  };

  @Inject AgroalDataSource dataSource;

  @Test
  void printsProduceToRecallableLatencyUnderSteadyLoad() throws Exception {
    int rate = Integer.getInteger("bench.rate", 50);
    int seconds = Integer.getInteger("bench.seconds", 30);
    String user = newUser();
    try (KafkaProducer<String, String> producer = producer()) {
      // The test group reads the shared topic from its start: wait until it has caught up.
      send(producer, user, -1, "warm-up");
      waitFor(user, 1, 300_000);

      int count = rate * seconds;
      long[] sentAt = new long[count];
      long[] seenAt = new long[count];
      Random random = new Random(7);
      long start = System.nanoTime();
      long periodNs = 1_000_000_000L / rate;
      int sent = 0;
      int seen = 0;
      while (seen < count) {
        long now = System.nanoTime();
        while (sent < count && now - start >= sent * periodNs) {
          sentAt[sent] = System.nanoTime();
          send(producer, user, sent, sentence(random, sent));
          sent++;
        }
        seen += poll(user, seenAt);
        if (now - start > (seconds + 120) * 1_000_000_000L) {
          break;
        }
        Thread.sleep(5);
      }
      long[] latency = new long[count];
      for (int i = 0; i < count; i++) {
        latency[i] = seenAt[i] == 0 ? Long.MAX_VALUE : seenAt[i] - sentAt[i];
      }
      Arrays.sort(latency);
      System.out.printf(
          Locale.ROOT,
          "ingest under steady load: %d messages at %d/s; produce→recallable p50 %.0f ms,"
              + " p95 %.0f ms, max %.0f ms; %d of %d recallable%n",
          count,
          rate,
          latency[count / 2] / 1e6,
          latency[(int) Math.ceil(count * 0.95) - 1] / 1e6,
          latency[count - 1] / 1e6,
          seen,
          count);
      assertThat(seen).isEqualTo(count);
    }
  }

  private static String sentence(Random random, int i) {
    StringBuilder text = new StringBuilder("Message ").append(i).append(':');
    for (int w = 0; w < 12; w++) {
      text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.toString();
  }

  private static void send(
      KafkaProducer<String, String> producer, String user, int i, String text) {
    IngestItem item =
        new IngestItem(user, "message", text, Map.of("bench", Integer.toString(i)), null, null);
    EventEnvelope event =
        EventEnvelope.of(
            IngestItem.MESSAGE_EVENT, "bench", null, EventJson.mapper().valueToTree(item));
    producer.send(new ProducerRecord<>(Topics.MEMORY_INGEST, event.id(), EventJson.write(event)));
  }

  /** Marks the messages whose rows are now visible; answers how many were new. */
  private int poll(String user, long[] seenAt) throws SQLException {
    int fresh = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT (meta->>'bench')::int FROM memory WHERE owner = ?"
                    + " AND (meta->>'bench')::int >= 0")) {
      select.setString(1, user);
      try (ResultSet rs = select.executeQuery()) {
        long now = System.nanoTime();
        while (rs.next()) {
          int i = rs.getInt(1);
          if (seenAt[i] == 0) {
            seenAt[i] = now;
            fresh++;
          }
        }
      }
    }
    return fresh;
  }

  private void waitFor(String user, int rows, long timeoutMs) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < deadline) {
      try (Connection connection = dataSource.getConnection();
          PreparedStatement select =
              connection.prepareStatement("SELECT count(*) FROM memory WHERE owner = ?")) {
        select.setString(1, user);
        try (ResultSet rs = select.executeQuery()) {
          rs.next();
          if (rs.getInt(1) >= rows) {
            return;
          }
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the consumer did not catch up with the topic");
  }

  private static KafkaProducer<String, String> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.KAFKA_BOOTSTRAP);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    return new KafkaProducer<>(props);
  }
}
