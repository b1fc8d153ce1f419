package dev.zoclone.pool.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.Topics;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.pool.PoolCaller;
import dev.zoclone.testing.infra.LocalKafka;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The {@code automation-run:} idempotency keys belong to the scheduler, never to a user. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class SubmissionValidatorTest {
  private final PoolCaller eve = PoolCaller.fresh();

  @Test
  void aUserCannotSubmitAJobWithTheSchedulersIdempotencyKeyPrefix() {
    Map<String, Object> job = new HashMap<>(PoolCaller.shellJob("true", 0));
    job.put("idempotency_key", "automation-run:" + UUID.randomUUID());

    eve.post("/api/v1/jobs", job)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", is("idempotency_key"))
        .body("detail", containsString("reserved"));
    eve.post("/api/v1/jobs/batch", Map.of("jobs", List.of(job))).then().statusCode(400);
    eve.request().get("/api/v1/jobs").then().statusCode(200).body("jobs.size()", is(0));

    job.put("idempotency_key", "my-automation-run:1"); // only the prefix is reserved
    eve.post("/api/v1/jobs", job).then().statusCode(201);
  }

  @Test
  void theSchedulersJobsOnTheTopicKeepTheirKey() throws Exception {
    String key = "automation-run:" + UUID.randomUUID();
    JsonNode data =
        EventJson.mapper()
            .valueToTree(
                Map.of(
                    "owner",
                    eve.user(),
                    "kind",
                    "shell",
                    "payload",
                    Map.of("command", "true"),
                    "idempotency_key",
                    key));
    try (KafkaProducer<String, String> producer = LocalKafka.producer()) {
      EventEnvelope event = EventEnvelope.of("zo.pool.job.submitted", "scheduler", null, data);
      producer
          .send(new ProducerRecord<>(Topics.POOL_JOBS, eve.user(), EventJson.write(event)))
          .get();
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        eve.request()
                            .get("/api/v1/jobs")
                            .jsonPath()
                            .getList("jobs.idempotency_key"))
                    .containsExactly(key));
  }
}
