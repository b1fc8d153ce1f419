package dev.zoclone.testing.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SinceTestStartListenerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String topic = "zo.test.since-start." + UUID.randomUUID();
  private final TopicPartition busy = new TopicPartition(topic, 0);
  private final TopicPartition quiet = new TopicPartition(topic, 1);
  private final List<String> received = new ArrayList<>();
  private Admin admin;
  private KafkaProducer<String, String> producer;

  @BeforeEach
  void createTopic() throws Exception {
    LocalInfra.ensureUp();
    admin = Admin.create(Map.of("bootstrap.servers", LocalInfra.KAFKA_BOOTSTRAP));
    admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    producer = LocalKafka.producer();
  }

  @AfterEach
  void deleteTopic() throws Exception {
    producer.close();
    admin.deleteTopics(List.of(topic)).all().get();
    admin.close();
  }

  @Test
  void aFreshGroupSkipsRecordsFromBeforeTheStartAndReceivesEveryLaterOne() throws Exception {
    send(busy, "old on the busy partition");
    long start = send(quiet, "old on the quiet partition") + 1;
    Thread.sleep(5); // the next record's timestamp lies after the start
    send(busy, "sent after the start, before the group joined");

    try (KafkaConsumer<String, String> consumer = consumer("fresh")) {
      subscribe(consumer, new SinceTestStartListener(start));
      send(quiet, "sent after the group joined");

      assertThat(receive(consumer, 2))
          .containsExactlyInAnyOrder(
              "sent after the start, before the group joined", "sent after the group joined");
    }
  }

  @Test
  void aGroupThatCommittedAnOffsetResumesThere() throws Exception {
    send(busy, "old, already read");
    send(busy, "old, not read yet");
    long start = System.currentTimeMillis() + 1;
    Thread.sleep(5);
    String group = "resuming-" + UUID.randomUUID();
    try (KafkaConsumer<String, String> first = consumer(group)) {
      first.assign(List.of(busy));
      first.commitSync(Map.of(busy, new OffsetAndMetadata(1)));
    }

    try (KafkaConsumer<String, String> consumer = consumer(group)) {
      subscribe(consumer, new SinceTestStartListener(start));

      assertThat(receive(consumer, 1)).containsExactly("old, not read yet");
    }
  }

  private long send(TopicPartition partition, String value) throws Exception {
    return producer
        .send(new ProducerRecord<>(partition.topic(), partition.partition(), null, value))
        .get()
        .timestamp();
  }

  private static KafkaConsumer<String, String> consumer(String group) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            LocalInfra.KAFKA_BOOTSTRAP,
            ConsumerConfig.GROUP_ID_CONFIG,
            group,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            "false"),
        new StringDeserializer(),
        new StringDeserializer());
  }

  /** Subscribes as the Kafka connector does: the listener is called with the consumer. */
  private void subscribe(KafkaConsumer<String, String> consumer, SinceTestStartListener listener) {
    consumer.subscribe(
        Set.of(topic),
        new ConsumerRebalanceListener() {
          @Override
          public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            listener.onPartitionsAssigned(consumer, partitions);
          }

          @Override
          public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}
        });
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (consumer.assignment().size() < 2) {
      assertThat(System.nanoTime()).as("partitions assigned in time").isLessThan(deadline);
      poll(consumer, Duration.ofMillis(100));
    }
  }

  /**
   * Polls until {@code count} records arrived in all, then half a second more for any that should
   * not.
   */
  private List<String> receive(KafkaConsumer<String, String> consumer, int count) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (received.size() < count && System.nanoTime() < deadline) {
      poll(consumer, Duration.ofMillis(100));
    }
    poll(consumer, Duration.ofMillis(500));
    return received;
  }

  private void poll(KafkaConsumer<String, String> consumer, Duration timeout) {
    consumer.poll(timeout).forEach(r -> received.add(r.value()));
  }
}
