package dev.zoclone.platform.events;

import dev.zoclone.contract.EventEnvelope;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer writing {@link EventEnvelope} as UTF-8 JSON. */
public class EventEnvelopeSerializer implements Serializer<EventEnvelope> {
  @Override
  public byte[] serialize(String topic, EventEnvelope event) {
    return event == null ? null : EventJson.write(event).getBytes(StandardCharsets.UTF_8);
  }
}
