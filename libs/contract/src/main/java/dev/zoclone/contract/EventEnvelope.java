package dev.zoclone.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope every Kafka event carries: consumers dedupe on {@code id}.
 *
 * @param id unique event id; the idempotency key for consumers
 * @param type what happened, e.g. {@code zo.pool.job.succeeded}
 * @param source the service that produced the event
 * @param time when it happened
 * @param subject what the event is about (a job id, an automation id, ...)
 * @param data the event's payload
 */
public record EventEnvelope(
    String id, String type, String source, Instant time, String subject, JsonNode data) {

  public EventEnvelope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(time, "time");
  }

  /** A new event with a fresh random id, stamped now. */
  public static EventEnvelope of(String type, String source, String subject, JsonNode data) {
    return new EventEnvelope(
        UUID.randomUUID().toString(), type, source, Instant.now(), subject, data);
  }
}
