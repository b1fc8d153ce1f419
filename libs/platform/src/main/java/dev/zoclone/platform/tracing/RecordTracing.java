package dev.zoclone.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Headers;

/**
 * Carries a trace from the transaction that queues an event to the Kafka record the outbox relay
 * sends later on another thread: the W3C {@code traceparent} of the queuing code is kept with the
 * event, and the relay sends the record within a producer span of that trace, its context in the
 * record's headers, where the consumers' Kafka connector continues it.
 */
@ApplicationScoped
public class RecordTracing {
  /** The W3C trace context header, in HTTP and in Kafka record headers alike. */
  public static final String TRACEPARENT = "traceparent";

  private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  private static final AttributeKey<String> DESTINATION =
      AttributeKey.stringKey("messaging.destination.name");
  private static final AttributeKey<String> OPERATION =
      AttributeKey.stringKey("messaging.operation.type");
  private static final AttributeKey<String> MESSAGE_ID =
      AttributeKey.stringKey("messaging.message.id");

  private final TextMapPropagator propagator;
  private final Tracer tracer;

  public RecordTracing(OpenTelemetry openTelemetry) {
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    this.tracer = openTelemetry.getTracer("dev.zoclone.platform.outbox");
  }

  /** The {@code traceparent} of the current trace, or null outside any trace. */
  public String currentTraceParent() {
    Map<String, String> carrier = new HashMap<>(4);
    propagator.inject(Context.current(), carrier, MapCarrier.INSTANCE);
    return carrier.get(TRACEPARENT);
  }

  /**
   * Starts the producer span of a record to {@code topic} carrying event {@code eventId}, as a
   * child of {@code traceParent}, and writes its context into {@code headers}; the caller ends it
   * when the send completes. Without a {@code traceParent} (an event queued outside any trace) the
   * record is sent untraced and the span returned does nothing.
   */
  public Span startSend(String traceParent, String topic, String eventId, Headers headers) {
    if (traceParent == null) {
      return Span.getInvalid();
    }
    Context parent =
        propagator.extract(Context.root(), Map.of(TRACEPARENT, traceParent), MapCarrier.INSTANCE);
    Span span =
        tracer
            .spanBuilder(topic + " publish")
            .setSpanKind(SpanKind.PRODUCER)
            .setParent(parent)
            .setAttribute(SYSTEM, "kafka")
            .setAttribute(DESTINATION, topic)
            .setAttribute(OPERATION, "publish")
            .setAttribute(MESSAGE_ID, eventId)
            .startSpan();
    propagator.inject(parent.with(span), headers, HeaderCarrier.INSTANCE);
    return span;
  }

  /** Reads and writes a plain map. */
  private enum MapCarrier
      implements TextMapGetter<Map<String, String>>, TextMapSetter<Map<String, String>> {
    INSTANCE;

    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }

    @Override
    public void set(Map<String, String> carrier, String key, String value) {
      if (carrier != null) {
        carrier.put(key, value);
      }
    }
  }

  /** Writes Kafka record headers, replacing a header of the same name. */
  private enum HeaderCarrier implements TextMapSetter<Headers> {
    INSTANCE;

    @Override
    public void set(Headers headers, String key, String value) {
      if (headers != null) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
