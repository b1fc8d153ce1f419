package dev.zoclone.platform.tracing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.platform.outbox.Outbox;
import dev.zoclone.platform.outbox.OutboxRelay;
import dev.zoclone.testing.infra.LocalInfra;
import dev.zoclone.testing.infra.LocalKafka;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An event queued within a trace reaches Kafka within it: the relay, later and on its own thread,
 * sends each record in a producer span that is a child of the queuing span, and the record's {@code
 * traceparent} header names that producer span.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class OutboxTracingTest {
  @Inject Outbox outbox;
  @Inject OutboxRelay relay;
  @Inject Tracer tracer;
  @Inject InMemorySpanExporter spans;

  private String topic;
  private KafkaConsumer<String, String> consumer;

  @BeforeEach
  void freshTopicAndConsumer() throws Exception {
    relay.stop();
    spans.reset();
    topic = "zo.test.traced-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", LocalInfra.KAFKA_BOOTSTRAP))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    consumer = LocalKafka.consumer("traced-test", false);
    consumer.subscribe(List.of(topic));
  }

  @AfterEach
  void closeConsumer() {
    consumer.close();
    relay.start();
  }

  @Test
  void aRecordContinuesTheTraceThatQueuedItsEvent() {
    EventEnvelope single = event("single");
    List<EventEnvelope> batch = List.of(event("batch-1"), event("batch-2"));
    Span request = tracer.spanBuilder("request").startSpan();
    try (Scope ignored = request.makeCurrent()) {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                outbox.publish(topic, "k", single);
                outbox.publishAll(
                    topic, batch.stream().map(e -> new Outbox.KeyedEvent(e.subject(), e)).toList());
              });
    } finally {
      request.end();
    }
    String traceId = request.getSpanContext().getTraceId();

    assertThat(relay.relayPending()).isEqualTo(2);
    List<ConsumerRecord<String, String>> records = pollUntil(3);
    assertThat(records).hasSize(3);

    await().atMost(Duration.ofSeconds(20)).until(() -> producerSpans().size() == 3);
    for (SpanData producer : producerSpans()) {
      assertThat(producer.getTraceId()).isEqualTo(traceId);
      assertThat(producer.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
      assertThat(producer.getName()).isEqualTo(topic + " publish");
    }
    List<String> producerIds = producerSpans().stream().map(SpanData::getSpanId).toList();
    for (ConsumerRecord<String, String> record : records) {
      Header header = record.headers().lastHeader(RecordTracing.TRACEPARENT);
      assertThat(header).as("traceparent of %s", record.key()).isNotNull();
      String[] parts = new String(header.value(), UTF_8).split("-");
      assertThat(parts[1]).isEqualTo(traceId);
      assertThat(producerIds).contains(parts[2]);
    }
  }

  @Test
  void anEventQueuedOutsideATraceIsSentWithoutOne() {
    EventEnvelope untraced = event("untraced");
    QuarkusTransaction.requiringNew().run(() -> outbox.publish(topic, "k", untraced));

    assertThat(relay.relayPending()).isEqualTo(1);
    List<ConsumerRecord<String, String>> records = pollUntil(1);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).headers().lastHeader(RecordTracing.TRACEPARENT)).isNull();
    assertThat(producerSpans()).isEmpty();
  }

  private List<SpanData> producerSpans() {
    return spans.getFinishedSpanItems().stream()
        .filter(span -> span.getKind() == SpanKind.PRODUCER)
        .filter(span -> span.getName().startsWith(topic))
        .toList();
  }

  private static EventEnvelope event(String subject) {
    return EventEnvelope.of(
        "zo.test.traced",
        "platform-test",
        subject,
        JsonNodeFactory.instance.objectNode().put("subject", subject));
  }

  private List<ConsumerRecord<String, String>> pollUntil(int count) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (records.size() < count && System.nanoTime() < end) {
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }
    consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    return records;
  }
}
