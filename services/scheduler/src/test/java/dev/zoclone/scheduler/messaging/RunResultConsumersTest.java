package dev.zoclone.scheduler.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.Topics;
import dev.zoclone.contract.scheduler.AutomationAction;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.scheduler.Automations;
import dev.zoclone.scheduler.service.FiringService;
import dev.zoclone.testing.infra.LocalKafka;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Results produced on the real broker update the matching run once per event. Each test puts all
 * its records on one key, so they share a partition and are consumed in the order sent: when the
 * last one has been applied, every earlier one has been handled.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class RunResultConsumersTest {
  private static final AutomationAction ASK =
      new AutomationAction("ask", "summarise my inbox", null, null, null, null);
  private static final AutomationAction JOB =
      new AutomationAction(
          "job",
          null,
          null,
          null,
          null,
          JsonNodeFactory.instance
              .objectNode()
              .put("kind", "shell")
              .set("payload", JsonNodeFactory.instance.objectNode().put("command", "true")));

  @Inject FiringService firing;
  @Inject Automations automations;

  @BeforeEach
  void pauseOtherTestsAutomations() {
    automations.pauseAll();
  }

  @Test
  void agentResultsSetTheAskRunsStatusAndARedeliveredResultChangesNothing() throws Exception {
    List<String> runs = fireTwo(ASK);
    String run = runs.get(0);
    String other = runs.get(1);
    assertThat(automations.run(run)).containsExactly("FIRED|0|");
    String failed = agentResult(run, "FAILED", null, "the model is unavailable");
    String succeeded = agentResult(run, "SUCCEEDED", "3 new mails", null);

    try (KafkaProducer<String, String> producer = producer()) {
      send(producer, Topics.AGENT_RESULTS, run, failed);
      awaitRun(run, "FAILED|0|the model is unavailable");
      send(producer, Topics.AGENT_RESULTS, run, succeeded);
      awaitRun(run, "SUCCEEDED|0|3 new mails");

      send(producer, Topics.AGENT_RESULTS, run, failed); // redelivered: already handled
      send(producer, Topics.AGENT_RESULTS, run, agentResult(other, "SUCCEEDED", "done", null));
      awaitRun(other, "SUCCEEDED|0|done");
    }
    assertThat(automations.run(run)).containsExactly("SUCCEEDED|0|3 new mails");
  }

  @Test
  void jobEventsWithTheRunsIdempotencyKeySetTheJobRunsStatusOnce() throws Exception {
    List<String> runs = fireTwo(JOB);
    String run = runs.get(0);
    String other = runs.get(1);
    String jobId = UUID.randomUUID().toString();
    String dead = jobEvent(jobId, run, "DEAD", "exit code 1 on every attempt");
    String succeeded = jobEvent(jobId, run, "SUCCEEDED", null);

    try (KafkaProducer<String, String> producer = producer()) {
      send(producer, Topics.POOL_JOB_EVENTS, jobId, jobEvent(jobId, run, "RUNNING", null));
      send(producer, Topics.POOL_JOB_EVENTS, jobId, dead);
      awaitRun(run, "FAILED|0|job " + jobId + " DEAD: exit code 1 on every attempt");
      send(producer, Topics.POOL_JOB_EVENTS, jobId, succeeded); // retried from DEAD by its owner
      awaitRun(run, "SUCCEEDED|0|job " + jobId + " SUCCEEDED");

      send(producer, Topics.POOL_JOB_EVENTS, jobId, dead); // redelivered: already handled
      send(producer, Topics.POOL_JOB_EVENTS, jobId, jobEvent("j2", other, "CANCELLED", null));
      awaitRun(other, "FAILED|0|job j2 CANCELLED");
    }
    assertThat(automations.run(run)).containsExactly("SUCCEEDED|0|job " + jobId + " SUCCEEDED");
  }

  @Test
  void eventsThatDoNotMatchTheRunsOwnerTypeOrStatusChangeNothing() throws Exception {
    List<String> jobRuns = fireTwo(JOB);
    String run = jobRuns.get(0);
    String marker = jobRuns.get(1);
    String laterMarker = fireTwo(JOB).get(0);
    String askRun = fireTwo(ASK).get(0);
    String forger = "owner-" + UUID.randomUUID();
    try (KafkaProducer<String, String> producer = producer()) {
      // another user's job submitted with this run's idempotency key, then cancelled; a job event
      // naming an ask run; then a marker: when it is applied, both were handled
      send(
          producer,
          Topics.POOL_JOB_EVENTS,
          "k",
          jobEvent("forged", run, forger, "CANCELLED", null));
      send(producer, Topics.POOL_JOB_EVENTS, "k", jobEvent("j3", askRun, "FAILED", "forged"));
      send(producer, Topics.POOL_JOB_EVENTS, "k", jobEvent("j4", marker, "SUCCEEDED", null));
      awaitRun(marker, "SUCCEEDED|0|job j4 SUCCEEDED");
      assertThat(automations.run(run)).containsExactly("FIRED|0|");
      assertThat(automations.run(askRun)).containsExactly("FIRED|0|");

      // an agent result naming a job run, then the ask run's own result as the marker
      send(producer, Topics.AGENT_RESULTS, "k", agentResult(run, "FAILED", null, "forged"));
      send(producer, Topics.AGENT_RESULTS, "k", agentResult(askRun, "SUCCEEDED", "done", null));
      awaitRun(askRun, "SUCCEEDED|0|done");
      assertThat(automations.run(run)).containsExactly("FIRED|0|");

      // the owner's own job ends the run; a succeeded run is final
      send(producer, Topics.POOL_JOB_EVENTS, "k", jobEvent("j5", run, "SUCCEEDED", null));
      send(producer, Topics.POOL_JOB_EVENTS, "k", jobEvent("j6", run, "FAILED", "late"));
      send(producer, Topics.POOL_JOB_EVENTS, "k", jobEvent("j7", laterMarker, "SUCCEEDED", null));
      awaitRun(laterMarker, "SUCCEEDED|0|job j7 SUCCEEDED");
    }
    assertThat(automations.run(run)).containsExactly("SUCCEEDED|0|job j5 SUCCEEDED");
  }

  /** Two automations of the action fired once each; answers their run ids. */
  private List<String> fireTwo(AutomationAction action) {
    String first = automations.create("FREQ=DAILY", "2026-01-01T07:00", "skip", action);
    String second = automations.create("FREQ=DAILY", "2026-01-01T07:00", "skip", action);
    Instant due = automations.nextRunAt(first);
    firing.fireDue(due.plusSeconds(1));
    return List.of(automations.runIds(first).get(0), automations.runIds(second).get(0));
  }

  private void awaitRun(String run, String expected) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertThat(automations.run(run)).containsExactly(expected));
  }

  private static String agentResult(String run, String status, String output, String error) {
    ObjectNode data =
        JsonNodeFactory.instance.objectNode().put("request_id", run).put("status", status);
    data.put("output", output);
    data.put("error", error);
    return EventJson.write(EventEnvelope.of("zo.agent.result", "agents", run, data));
  }

  private String jobEvent(String jobId, String run, String status, String error) {
    return jobEvent(jobId, run, automations.runOwner(run), status, error);
  }

  private static String jobEvent(
      String jobId, String run, String owner, String status, String error) {
    ObjectNode data =
        JsonNodeFactory.instance
            .objectNode()
            .put("job_id", jobId)
            .put("owner", owner)
            .put("status", status)
            .put("attempts", 3)
            .put("idempotency_key", ActionPublisher.JOB_KEY_PREFIX + run);
    data.put("error", error);
    return EventJson.write(
        EventEnvelope.of("zo.pool.job." + status.toLowerCase(), "pool", jobId, data));
  }

  private static void send(
      KafkaProducer<String, String> producer, String topic, String key, String value)
      throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value)).get();
  }

  private static KafkaProducer<String, String> producer() {
    return LocalKafka.producer();
  }
}
