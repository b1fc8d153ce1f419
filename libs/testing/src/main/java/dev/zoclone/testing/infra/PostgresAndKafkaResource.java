package dev.zoclone.testing.infra;

import java.util.HashMap;
import java.util.Map;

/** Gives a Quarkus test its own database and the real local Kafka broker. */
public class PostgresAndKafkaResource extends PostgresResource {
  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(super.start());
    config.put("kafka.bootstrap.servers", LocalInfra.KAFKA_BOOTSTRAP);
    return config;
  }
}
