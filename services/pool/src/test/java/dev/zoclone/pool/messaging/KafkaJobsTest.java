package dev.zoclone.pool.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.Topics;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.pool.PoolCaller;
import dev.zoclone.testing.infra.LocalInfra;
import dev.zoclone.testing.infra.LocalKafka;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class KafkaJobsTest {
  private final PoolCaller ada = PoolCaller.fresh();

  @Test
  void aRecordOnThePoolJobsTopicSubmitsTheJobOnceEvenWhenDeliveredTwice() throws Exception {
    JsonNode data =
        EventJson.mapper()
            .valueToTree(
                Map.of(
                    "owner",
                    ada.user(),
                    "kind",
                    "shell",
                    "payload",
                    Map.of("command", "echo", "args", List.of("from kafka")),
                    "priority",
                    7,
                    "idempotency_key",
                    "kafka-" + UUID.randomUUID()));
    EventEnvelope first = EventEnvelope.of("zo.pool.job.submit", "test", null, data);
    EventEnvelope resent = EventEnvelope.of("zo.pool.job.submit", "test", null, data);

    try (KafkaProducer<String, String> producer = producer()) {
      producer
          .send(new ProducerRecord<>(Topics.POOL_JOBS, ada.user(), EventJson.write(first)))
          .get();
      producer.send(new ProducerRecord<>(Topics.POOL_JOBS, ada.user(), "not an envelope")).get();
      producer
          .send(new ProducerRecord<>(Topics.POOL_JOBS, ada.user(), EventJson.write(resent)))
          .get();
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(ada.request().get("/api/v1/jobs").jsonPath().getList("jobs"))
                    .hasSize(1));
    // the second copy came after the first on the same partition: once it is consumed, wait a bit
    Thread.sleep(1000);
    List<Map<String, Object>> jobs = ada.request().get("/api/v1/jobs").jsonPath().getList("jobs");
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0)).containsEntry("priority", 7).containsEntry("kind", "shell");
  }

  @Test
  void everyStateChangeOfAJobIsPublishedToTheJobEventsTopic() {
    try (KafkaConsumer<String, String> consumer = eventsFromNow()) {
      Map<String, Object> job = new HashMap<>(PoolCaller.shellJob("echo", 0));
      job.put("idempotency_key", "nightly-r1");
      String id = ada.submit(job);
      String node = ada.node("n", Map.of(), 1);
      Object token = ada.lease(node, 1).get(0).get("lease_token");
      ada.post("/api/v1/nodes/" + node + "/heartbeat", Map.of("running", List.of(id)));
      ada.complete(id, node, token, Map.of("exit_code", 0)).then().statusCode(200);

      List<EventEnvelope> events = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  if (id.equals(record.key())) {
                    events.add(EventJson.read(record.value()));
                  }
                }
                assertThat(events)
                    .extracting(EventEnvelope::type)
                    .containsExactly(
                        "zo.pool.job.pending",
                        "zo.pool.job.leased",
                        "zo.pool.job.running",
                        "zo.pool.job.succeeded");
              });
      assertThat(events).allSatisfy(e -> assertThat(e.subject()).isEqualTo(id));
      assertThat(events.get(3).data().get("owner").asText()).isEqualTo(ada.user());
      assertThat(events.get(1).data().get("node_id").asText()).isEqualTo(node);
      assertThat(events)
          .allSatisfy(
              e -> assertThat(e.data().get("idempotency_key").asText()).isEqualTo("nightly-r1"));
    }
  }

  private static KafkaProducer<String, String> producer() {
    return LocalKafka.producer();
  }

  /** A consumer of every partition of the events topic, positioned at its current end. */
  private static KafkaConsumer<String, String> eventsFromNow() {
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalInfra.KAFKA_BOOTSTRAP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false"),
            new StringDeserializer(),
            new StringDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.POOL_JOB_EVENTS).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    return consumer;
  }
}
