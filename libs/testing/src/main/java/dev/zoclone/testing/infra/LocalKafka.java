package dev.zoclone.testing.infra;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** String clients of the local broker, as tests and benchmarks send and read platform events. */
public final class LocalKafka {
  private LocalKafka() {}

  /** A producer of string keys and values. */
  public static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.KAFKA_BOOTSTRAP),
        new StringSerializer(),
        new StringSerializer());
  }

  /**
   * A consumer in a group of its own ({@code group} and a random suffix) that commits nothing and
   * starts at each partition's end ({@code fromEnd}) or beginning.
   */
  public static KafkaConsumer<String, String> consumer(String group, boolean fromEnd) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            LocalInfra.KAFKA_BOOTSTRAP,
            ConsumerConfig.GROUP_ID_CONFIG,
            group + "-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            fromEnd ? "latest" : "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            "false"),
        new StringDeserializer(),
        new StringDeserializer());
  }

  /**
   * Subscribes {@code consumer} to {@code topics} and polls until it owns partitions, so a record
   * sent afterwards is not skipped by a consumer that starts at the end.
   */
  public static void subscribe(
      KafkaConsumer<String, String> consumer, Collection<String> topics, Duration timeout) {
    consumer.subscribe(topics);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (consumer.assignment().isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no partitions of " + topics + " assigned in " + timeout);
      }
      consumer.poll(Duration.ofMillis(100));
    }
    // Resolve each start position now: positions are otherwise looked up lazily at the first poll
    // after the records of interest may already have been written.
    consumer.assignment().forEach(consumer::position);
  }
}
