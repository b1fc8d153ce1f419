package dev.zoclone.platform.kafka;

import dev.zoclone.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Client settings for the platform's own Kafka clients (outbox producer, topic admin). */
@ApplicationScoped
public class KafkaSettings {
  private final String bootstrapServers;
  private final PlatformConfig config;

  public KafkaSettings(
      @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
          String bootstrapServers,
      PlatformConfig config) {
    this.bootstrapServers = bootstrapServers;
    this.config = config;
  }

  /** Where the broker listens. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** An idempotent, fully acknowledged producer of string records. */
  public Properties producerProperties() {
    Properties props = new Properties();
    props.putAll(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
            ProducerConfig.LINGER_MS_CONFIG, "2",
            ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000",
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    return props;
  }

  /** An admin client that gives up within the configured timeout. */
  public Properties adminProperties() {
    int timeoutMs = (int) config.kafka().timeout().toMillis();
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    return props;
  }
}
