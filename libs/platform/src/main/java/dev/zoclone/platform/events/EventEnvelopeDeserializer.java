package dev.zoclone.platform.events;

import dev.zoclone.contract.EventEnvelope;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;

/** Kafka deserializer reading {@link EventEnvelope} from UTF-8 JSON. */
public class EventEnvelopeDeserializer implements Deserializer<EventEnvelope> {
  @Override
  public EventEnvelope deserialize(String topic, byte[] data) {
    return data == null ? null : EventJson.read(new String(data, StandardCharsets.UTF_8));
  }
}
