package dev.zoclone.skills.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.contract.Topics;
import dev.zoclone.skills.SkillsCaller;
import dev.zoclone.skills.TestSkills;
import dev.zoclone.testing.infra.LocalKafka;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class SkillKafkaTest {
  static final ObjectMapper JSON = new ObjectMapper();

  private KafkaConsumer<String, String> consumer;
  private KafkaProducer<String, String> producer;

  @BeforeEach
  void connect() {
    consumer = LocalKafka.consumer("skills-kafka-test", true);
    producer = LocalKafka.producer();
    LocalKafka.subscribe(consumer, List.of(Topics.SKILL_RESULTS), Duration.ofSeconds(20));
    awaitTheServiceConsumes();
  }

  @AfterEach
  void close() {
    consumer.close();
    producer.close();
  }

  @Test
  void aRequestDeliveredTwiceRunsOnceAndYieldsExactlyOneResult() throws Exception {
    SkillsCaller alice = SkillsCaller.fresh();
    String name = TestSkills.uniqueName("kafka-echo");
    String version = alice.installed(TestSkills.echoSkill(name));
    String requestId = UUID.randomUUID().toString();
    String request =
        JSON.writeValueAsString(
            Map.of(
                "request_id",
                requestId,
                "owner",
                alice.user(),
                "skill",
                name,
                "input",
                Map.of("city", "Paris")));

    send(requestId, request);
    send(requestId, request);

    List<JsonNode> results = resultsOf(requestId);
    assertThat(results).hasSize(1);
    JsonNode data = results.get(0).path("data");
    assertThat(results.get(0).path("type").asText()).isEqualTo("zo.skill.result");
    assertThat(data.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(data.path("exit_code").asInt()).isZero();
    assertThat(data.path("output").path("got").path("city").asText()).isEqualTo("Paris");
    assertThat(data.path("version").asText()).isEqualTo(version);
    JsonPath runs =
        alice
            .request()
            .queryParam("skill", name)
            .get("/api/v1/skills/runs")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(runs.getList("runs")).hasSize(1);
    assertThat(runs.getString("runs[0].run_id")).isEqualTo(data.path("run_id").asText());
  }

  @Test
  void badRequestsGetOneFailedResultWithTheReasonAndTheConsumerKeepsGoing() throws Exception {
    SkillsCaller bob = SkillsCaller.fresh();
    String unknown = UUID.randomUUID().toString();
    String ownerless = UUID.randomUUID().toString();
    String failing = UUID.randomUUID().toString();
    String failingSkill = TestSkills.uniqueName("kafka-exit");
    bob.installed(TestSkills.scriptSkill(failingSkill, "py", "import sys\nsys.exit(3)\n"));

    send("junk", "this is not json {");
    send("no-id", "{\"owner\":\"" + bob.user() + "\",\"skill\":\"x\"}");
    send(
        unknown,
        JSON.writeValueAsString(
            Map.of("request_id", unknown, "owner", bob.user(), "skill", "no-such-skill")));
    send(ownerless, JSON.writeValueAsString(Map.of("request_id", ownerless, "skill", "x")));
    send(
        failing,
        JSON.writeValueAsString(
            Map.of("request_id", failing, "owner", bob.user(), "skill", failingSkill)));

    List<JsonNode> all = collectUntil(List.of(unknown, ownerless, failing));
    assertThat(all).hasSize(3);
    assertThat(dataOf(all, unknown).path("status").asText()).isEqualTo("FAILED");
    assertThat(dataOf(all, unknown).path("error").asText()).contains("no-such-skill");
    assertThat(dataOf(all, ownerless).path("status").asText()).isEqualTo("FAILED");
    assertThat(dataOf(all, ownerless).path("error").asText())
        .isEqualTo("owner and skill are required");
    JsonNode exited = dataOf(all, failing);
    assertThat(exited.path("status").asText()).isEqualTo("FAILED");
    assertThat(exited.path("exit_code").asInt()).isEqualTo(3);
    assertThat(exited.path("error").asText()).isEqualTo("the script exited with 3");
  }

  private void send(String key, String value) throws Exception {
    producer.send(new ProducerRecord<>(Topics.SKILL_REQUESTS, key, value)).get();
  }

  private static JsonNode dataOf(List<JsonNode> results, String requestId) {
    return results.stream()
        .map(event -> event.path("data"))
        .filter(data -> requestId.equals(data.path("request_id").asText()))
        .findFirst()
        .orElseThrow();
  }

  /** Every result of {@code requestId}: waits for the first, then for a marker sent after it. */
  private List<JsonNode> resultsOf(String requestId) throws Exception {
    return collectUntil(List.of(requestId));
  }

  /** Results of {@code requestIds}: waits until each has one, then for a marker sent after. */
  private List<JsonNode> collectUntil(List<String> requestIds) throws Exception {
    List<JsonNode> results = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              collect(requestIds, results);
              return requestIds.stream()
                  .allMatch(
                      id ->
                          results.stream()
                              .anyMatch(
                                  r -> id.equals(r.path("data").path("request_id").asText())));
            });
    // Then a marker instead of a pause: the service handles requests one at a time in order and
    // publishes their results through the outbox in that order, so any duplicate result of the
    // requests above is on the topic before the marker's.
    String marker = "marker-" + UUID.randomUUID();
    send(marker, JSON.writeValueAsString(Map.of("request_id", marker, "skill", "x")));
    List<String> withMarker = new ArrayList<>(requestIds);
    withMarker.add(marker);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              collect(withMarker, results);
              return results.stream()
                  .anyMatch(r -> marker.equals(r.path("data").path("request_id").asText()));
            });
    results.removeIf(r -> marker.equals(r.path("data").path("request_id").asText()));
    return results;
  }

  private void collect(List<String> requestIds, List<JsonNode> into) throws Exception {
    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
      JsonNode event = JSON.readTree(record.value());
      if (requestIds.contains(event.path("data").path("request_id").asText())) {
        into.add(event);
      }
    }
  }

  /** The service reads from the newest offset: probe until a probe request gets its result. */
  private void awaitTheServiceConsumes() {
    List<JsonNode> probes = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              String probeId = "probe-" + UUID.randomUUID();
              send(
                  probeId,
                  "{\"request_id\":\"" + probeId + "\",\"owner\":\"nobody\",\"skill\":\"none\"}");
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
}
