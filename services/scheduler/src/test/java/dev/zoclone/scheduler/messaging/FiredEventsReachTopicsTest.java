package dev.zoclone.scheduler.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.Topics;
import dev.zoclone.contract.scheduler.AutomationAction;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.scheduler.Automations;
import dev.zoclone.scheduler.service.FiringService;
import dev.zoclone.testing.infra.LocalInfra;
import dev.zoclone.testing.infra.LocalKafka;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class FiredEventsReachTopicsTest {
  @Inject FiringService firing;
  @Inject Automations automations;

  @BeforeEach
  void pauseOtherTestsAutomations() {
    automations.pauseAll();
  }

  @Test
  void eachActionTypeReachesItsTopicOnTheBrokerThroughTheOutbox() throws Exception {
    String owner = "owner-" + UUID.randomUUID();
    String customTopic = "automations." + owner + ".test";
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", LocalInfra.KAFKA_BOOTSTRAP))) {
      admin.createTopics(List.of(new NewTopic(customTopic, 1, (short) 1))).all().get();
    }
    List<String> topics =
        List.of(Topics.AUTOMATION_FIRED, Topics.AGENT_REQUESTS, Topics.POOL_JOBS, customTopic);
    try (KafkaConsumer<String, String> consumer = LocalKafka.consumer("scheduler-test", true)) {
      LocalKafka.subscribe(consumer, topics, Duration.ofSeconds(20));

      String ask =
          automations.create(
              "FREQ=DAILY",
              "2026-01-01T06:00",
              "skip",
              new AutomationAction("ask", "good morning", null, null, null, null));
      String job =
          automations.create(
              "FREQ=DAILY",
              "2026-01-01T06:00",
              "skip",
              new AutomationAction(
                  "job",
                  null,
                  null,
                  null,
                  null,
                  JsonNodeFactory.instance
                      .objectNode()
                      .put("kind", "shell")
                      .set(
                          "payload",
                          JsonNodeFactory.instance.objectNode().put("command", "date"))));
      String kafka =
          automations.create(
              owner,
              "FREQ=DAILY",
              "2026-01-01T06:00",
              "skip",
              new AutomationAction(
                  "kafka",
                  null,
                  customTopic,
                  null,
                  null,
                  JsonNodeFactory.instance.objectNode().put("note", "hello")));
      Instant due = automations.nextRunAt(ask);
      assertThat(automations.nextRunAt(job)).isEqualTo(due);
      firing.fireDue(due.plusSeconds(1));

      String askRun = automations.runIds(ask).get(0);
      String jobRun = automations.runIds(job).get(0);
      Map<String, List<EventEnvelope>> received = poll(consumer, askRun, jobRun, kafka);

      assertThat(received.get(Topics.AUTOMATION_FIRED))
          .extracting(EventEnvelope::subject)
          .contains(ask, job, kafka);
      EventEnvelope request = only(received.get(Topics.AGENT_REQUESTS), askRun);
      assertThat(request.data().path("prompt").asText()).isEqualTo("good morning");
      assertThat(request.data().path("request_id").asText()).isEqualTo(askRun);
      assertThat(request.data().path("user").asText()).startsWith("owner-");
      EventEnvelope submitted = only(received.get(Topics.POOL_JOBS), jobRun);
      assertThat(submitted.data().path("kind").asText()).isEqualTo("shell");
      assertThat(submitted.data().path("idempotency_key").asText())
          .isEqualTo("automation-run:" + jobRun);
      // the pool's consumer submits on behalf of data.owner and ignores records without one
      assertThat(submitted.data().path("owner").asText()).startsWith("owner-");
      EventEnvelope custom = only(received.get(customTopic), kafka);
      assertThat(custom.data().path("payload").path("note").asText()).isEqualTo("hello");
      assertThat(custom.data().path("occurrence").asText()).isEqualTo(due.toString());
    }
  }

  private static EventEnvelope only(List<EventEnvelope> events, String subject) {
    assertThat(events).isNotNull();
    List<EventEnvelope> matching =
        events.stream().filter(e -> subject.equals(e.subject())).toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  private static Map<String, List<EventEnvelope>> poll(
      KafkaConsumer<String, String> consumer,
      String askRun,
      String jobRun,
      String kafkaAutomation) {
    Map<String, List<EventEnvelope>> received = new HashMap<>();
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end
        && !(has(received, askRun) && has(received, jobRun) && has(received, kafkaAutomation))) {
      consumer
          .poll(Duration.ofMillis(200))
          .forEach(
              r ->
                  received
                      .computeIfAbsent(r.topic(), t -> new ArrayList<>())
                      .add(EventJson.read(r.value())));
    }
    return received;
  }

  private static boolean has(Map<String, List<EventEnvelope>> received, String subject) {
    return received.entrySet().stream()
        .filter(e -> !e.getKey().equals(Topics.AUTOMATION_FIRED))
        .anyMatch(e -> e.getValue().stream().anyMatch(v -> subject.equals(v.subject())));
  }
}
