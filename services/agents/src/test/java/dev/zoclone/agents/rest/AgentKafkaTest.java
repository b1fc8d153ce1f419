package dev.zoclone.agents.rest;

import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.contract.Topics;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.infra.LocalKafka;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class AgentKafkaTest {
  static final FakeOpenAiServer MODEL =
      new FakeOpenAiServer().setDefault(Reply.text("answer from kafka"));
  static final ObjectMapper JSON = new ObjectMapper();

  @AfterAll
  static void stop() {
    MODEL.close();
  }

  @Test
  void aRequestOnTheBrokerYieldsExactlyOneResultEvenWhenDeliveredTwice() throws Exception {
    String user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", "sk-kafka-0123456789", "gpt-4o-mini");
    String requestId = UUID.randomUUID().toString();
    String request =
        JSON.writeValueAsString(
            Map.of(
                "request_id",
                requestId,
                "user",
                user,
                "prompt",
                "hello over kafka",
                "model_name",
                "openai:gpt-4o-mini"));
    List<JsonNode> results = new CopyOnWriteArrayList<>();

    try (KafkaConsumer<String, String> consumer = LocalKafka.consumer("agents-kafka-test", true);
        KafkaProducer<String, String> producer = LocalKafka.producer()) {
      LocalKafka.subscribe(consumer, List.of(Topics.AGENT_RESULTS), Duration.ofSeconds(20));
      awaitTheServiceConsumes(producer, consumer);
      producer.send(new ProducerRecord<>(Topics.AGENT_REQUESTS, requestId, request)).get();
      producer.send(new ProducerRecord<>(Topics.AGENT_REQUESTS, requestId, request)).get();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                collect(consumer, requestId, results);
                return !results.isEmpty();
              });
      long until = System.currentTimeMillis() + 3000;
      while (System.currentTimeMillis() < until) {
        collect(consumer, requestId, results);
      }
    }

    assertThat(results).hasSize(1);
    JsonNode data = results.get(0).path("data");
    assertThat(data.path("request_id").asText()).isEqualTo(requestId);
    assertThat(data.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(data.path("output").asText()).isEqualTo("answer from kafka");
    assertThat(data.path("conversation_id").asText()).isNotBlank();
  }

  /** The service reads from the newest offset: probe until a probe request gets its result. */
  private static void awaitTheServiceConsumes(
      KafkaProducer<String, String> producer, KafkaConsumer<String, String> consumer) {
    List<JsonNode> probes = new CopyOnWriteArrayList<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              String probeId = "probe-" + UUID.randomUUID();
              producer
                  .send(
                      new ProducerRecord<>(
                          Topics.AGENT_REQUESTS,
                          probeId,
                          "{\"request_id\":\""
                              + probeId
                              + "\",\"user\":\"nobody\",\"prompt\":\"p\"}"))
                  .get();
              for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (JSON.readTree(record.value())
                    .path("data")
                    .path("request_id")
                    .asText()
                    .startsWith("probe-")) {
                  probes.add(JSON.readTree(record.value()));
                }
              }
              return !probes.isEmpty();
            });
  }

  private static void collect(
      KafkaConsumer<String, String> consumer, String requestId, List<JsonNode> into)
      throws Exception {
    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
      JsonNode event = JSON.readTree(record.value());
      if (requestId.equals(event.path("data").path("request_id").asText())) {
        into.add(event);
      }
    }
  }
}
