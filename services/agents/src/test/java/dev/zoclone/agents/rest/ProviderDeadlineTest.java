package dev.zoclone.agents.rest;

import static dev.zoclone.agents.support.Api.as;
import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.agents.support.TricklingServer;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A provider that sends its headers and then one byte at a time is cut off at the call's deadline
 * (the test profile's 3 s for a blocking call, 6 s for a stream), its body read included.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class ProviderDeadlineTest {
  static final TricklingServer TRICKLE = new TricklingServer();

  @AfterAll
  static void stop() {
    TRICKLE.close();
  }

  @Test
  void aBlockingCallWhoseBodyTricklesIsCutOffAtItsDeadline() {
    String user = newUser();
    openAiKey(user, "trickle", TRICKLE.baseUrl() + "/v1", "sk-trickle-0123456789", "m");
    int before = TRICKLE.cutOff();

    as(user)
        .body("{\"input\":\"hi\",\"model_name\":\"trickle:m\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(504)
        .body("type", endsWith("provider-timeout"))
        .body("detail", containsString("timed out"));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(TRICKLE.cutOff())
                    .as("the provider's connection was closed")
                    .isGreaterThan(before));
  }

  @Test
  void aStreamWhoseEventsNeverEndIsCutOffAtItsDeadline() {
    String user = newUser();
    openAiKey(user, "trickle", TRICKLE.baseUrl() + "/v1", "sk-trickle-0123456789", "m");
    int before = TRICKLE.cutOff();

    String events =
        as(user)
            .body("{\"input\":\"hi\",\"model_name\":\"trickle:m\",\"stream\":true}")
            .post("/api/v1/ask")
            .then()
            .statusCode(200)
            .extract()
            .asString();

    assertThat(events).contains("event: Error").contains("timed out");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(TRICKLE.cutOff()).isGreaterThan(before));
  }
}
