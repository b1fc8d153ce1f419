package dev.zoclone.bench.memory;

import dev.zoclone.bench.Benchmark;
import dev.zoclone.bench.Figure;
import dev.zoclone.bench.Latencies;
import dev.zoclone.bench.Stack;
import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.Topics;
import dev.zoclone.contract.memory.IngestItem;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.testing.infra.LocalInfra;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Memory's ingestion as a producer meets it: messages produced to {@code zo.memory.ingest} on the
 * real broker and consumed by the packaged memory service, which embeds them (the default model,
 * batched) and stores them. A message counts as recallable when its row is committed, which is what
 * recall reads. Measures produce→recallable p50/p95 at a steady rate, the most sentences per second
 * the service embeds and stores from a backlog, and within that the embedding model's own
 * throughput (read from the service's meters).
 *
 * <p>Sizes: {@code bench.ingest.rate} (500 messages/s), {@code bench.ingest.seconds} (30), {@code
 * bench.ingest.burst} (5000 messages).
 */
public final class IngestBenchmark implements Benchmark {
  private static final long LOOKBACK_MS = 5_000;
  private static final String[] WORDS = {
    "backup", "garden", "invoice", "printer", "flight", "dentist", "router", "recipe", "marathon",
    "standup", "tax", "server", "boiler", "tyres", "vaccine", "novel", "key", "password"
  };

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public List<Figure> run() throws Exception {
    int rate = size("rate", 500);
    int seconds = size("seconds", 30);
    int burst = size("burst", 5000);
    List<Figure> figures = new ArrayList<>();
    try (LocalPlatform platform = Stack.platform("memory").start();
        KafkaProducer<String, String> producer = producer();
        Connection sql =
            DriverManager.getConnection(
                platform.databaseUrl() + "?currentSchema=memory,public",
                LocalInfra.DB_USER,
                LocalInfra.DB_PASSWORD)) {
      String steadyUser = platform.newUser("ingest-steady").id();
      String burstUser = platform.newUser("ingest-burst").id();
      awaitConsumer(producer, sql, platform.newUser("ingest-warm-up").id());

      int count = rate * seconds;
      long[] sentAt = new long[count];
      long[] seenAt = new long[count];
      Random random = new Random(7);
      long start = System.nanoTime();
      long period = 1_000_000_000L / rate;
      int sent = 0;
      int seen = 0;
      Timestamp[] steadyNewest = new Timestamp[1];
      long lastPoll = 0;
      long deadline = start + (seconds + 120) * 1_000_000_000L;
      while (seen < count && System.nanoTime() < deadline) {
        while (sent < count && System.nanoTime() - start >= sent * period) {
          sentAt[sent] = System.nanoTime();
          send(producer, steadyUser, sent, sentence(random, sent));
          sent++;
        }
        if (System.nanoTime() - lastPoll >= 50_000_000L) {
          seen += poll(sql, steadyUser, seenAt, steadyNewest);
          lastPoll = System.nanoTime();
        }
        Thread.sleep(2);
      }
      if (seen < count) {
        throw new IllegalStateException(
            (count - seen) + " of " + count + " messages were not stored within 2 minutes");
      }
      List<Long> latencies = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        latencies.add(seenAt[i] - sentAt[i]);
      }
      Latencies lag = new Latencies(latencies);
      figures.add(
          Figure.atMost(
              name(),
              "produce → recallable p95 at "
                  + rate
                  + " messages/s for "
                  + seconds
                  + " s (p50 "
                  + Figure.format(lag.p50())
                  + " ms)",
              lag.p95(),
              "ms",
              1000));

      EmbeddingMeter meter = new EmbeddingMeter(platform.service("memory").url());
      EmbeddingMeter.Reading beforeBurst = meter.read();
      long burstStart = System.nanoTime();
      for (int i = 0; i < burst; i++) {
        send(producer, burstUser, i, sentence(random, i));
      }
      producer.flush();
      long[] burstSeen = new long[burst];
      int stored = 0;
      Timestamp[] burstNewest = new Timestamp[1];
      while (stored < burst && System.nanoTime() < burstStart + 600_000_000_000L) {
        stored += poll(sql, burstUser, burstSeen, burstNewest);
        Thread.sleep(100);
      }
      if (stored < burst) {
        throw new IllegalStateException("the burst was not stored within 10 minutes");
      }
      figures.add(
          Figure.atLeast(
              name(),
              "sentences embedded and stored per second from a backlog of " + burst,
              burst / ((System.nanoTime() - burstStart) / 1e9),
              "/s",
              750));
      figures.add(
          Figure.atLeast(
              name(),
              "of which the model alone (texts per second of inference, the service's"
                  + " zo.memory.embedding meters), batched as the service batches",
              meter.read().rateSince(beforeBurst),
              "/s",
              750));
    }
    return figures;
  }

  /** The service's consumer group starts at the topic's end once assigned: wait until it reads. */
  private static void awaitConsumer(
      KafkaProducer<String, String> producer, Connection sql, String user) throws Exception {
    long[] seen = new long[1];
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (System.nanoTime() < deadline) {
      send(producer, user, 0, "warm-up message");
      Thread.sleep(500);
      if (poll(sql, user, seen, new Timestamp[1]) > 0) {
        return;
      }
    }
    throw new IllegalStateException("memory did not consume zo.memory.ingest within 5 minutes");
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

  /**
   * Marks the messages of {@code user} whose rows are now visible; answers how many were new. Reads
   * only rows created in the last few seconds before the newest one seen so far (a row commits
   * shortly after it is created), so a poll stays cheap as the table grows.
   */
  private static int poll(Connection sql, String user, long[] seenAt, Timestamp[] newest)
      throws Exception {
    int fresh = 0;
    try (PreparedStatement select =
        sql.prepareStatement(
            "SELECT (meta->>'bench')::int, created_at FROM memory WHERE owner = ?"
                + " AND meta->>'bench' IS NOT NULL AND created_at > ?")) {
      select.setString(1, user);
      select.setTimestamp(
          2,
          newest[0] == null ? new Timestamp(0) : new Timestamp(newest[0].getTime() - LOOKBACK_MS));
      try (ResultSet rs = select.executeQuery()) {
        long now = System.nanoTime();
        while (rs.next()) {
          int i = rs.getInt(1);
          Timestamp created = rs.getTimestamp(2);
          if (newest[0] == null || created.after(newest[0])) {
            newest[0] = created;
          }
          if (i < seenAt.length && seenAt[i] == 0) {
            seenAt[i] = now;
            fresh++;
          }
        }
      }
    }
    return fresh;
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
