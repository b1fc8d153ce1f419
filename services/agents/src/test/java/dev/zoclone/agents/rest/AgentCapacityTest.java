package dev.zoclone.agents.rest;

import static dev.zoclone.agents.support.Api.as;
import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The agents' bounded capacity, with 4 global slots of which one user may run half and have 3 runs
 * in flight: what does not fit is a 429 with Retry-After, one user's runs never take another's
 * slots, and {@code timeout_ms} and {@code max_concurrency} are capped.
 */
@QuarkusTest
@TestProfile(AgentCapacityTest.SmallSlots.class)
class AgentCapacityTest {
  static final FakeOpenAiServer HELD =
      new FakeOpenAiServer().setDefault(Reply.text("late").delay(Duration.ofSeconds(60)));
  static final FakeOpenAiServer FAST =
      new FakeOpenAiServer().setDefault(Reply.text("done").delay(Duration.ofMillis(100)));

  /** Four slots, two per user, three runs in flight per user, timeouts up to a minute. */
  public static class SmallSlots implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "zo.agents.runs.max-concurrency", "4",
          "zo.agents.runs.max-share", "0.5",
          "zo.agents.runs.max-in-flight-per-user", "3",
          "zo.agents.runs.max-timeout", "60s",
          "zo.agents.provider.timeout", "90s");
    }
  }

  @AfterAll
  static void stop() {
    HELD.close();
    FAST.close();
  }

  private static String spawn(String user, String model) {
    return as(user)
        .body("{\"prompt\":\"p\",\"model_name\":\"" + model + "\"}")
        .post("/api/v1/agents")
        .then()
        .statusCode(202)
        .extract()
        .path("id");
  }

  private static String status(String user, String id) {
    return as(user).get("/api/v1/agents/" + id).then().extract().path("status");
  }

  @Test
  void oneUserRunsOnlyTheirShareAndTheirRunsInFlightAreBounded() {
    String hog = newUser();
    String other = newUser();
    openAiKey(hog, "held", HELD.baseUrl() + "/v1", "sk-held-0123456789", "m");
    openAiKey(other, "fast", FAST.baseUrl() + "/v1", "sk-fast-0123456789", "m");
    List<String> runs = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        runs.add(spawn(hog, "held:m"));
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(runs.stream().map(id -> status(hog, id)).toList())
                      .containsExactlyInAnyOrder("RUNNING", "RUNNING", "QUEUED"));

      as(hog)
          .body("{\"prompt\":\"p\",\"model_name\":\"held:m\"}")
          .post("/api/v1/agents")
          .then()
          .statusCode(429)
          .header("Retry-After", is("5"))
          .body("type", endsWith("too-many-runs"));
      as(hog)
          .body("{\"agents\":[{\"prompt\":\"p\",\"model_name\":\"held:m\"}]}")
          .post("/api/v1/agents/spawn-all")
          .then()
          .statusCode(429);

      // Two of the four slots are free, and the other user's run takes one at once.
      String theirs = spawn(other, "fast:m");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(status(other, theirs)).isEqualTo("SUCCEEDED"));
      assertThat(runs.stream().map(id -> status(hog, id)).toList())
          .as("the user's third run still waits for one of their own two slots")
          .containsExactlyInAnyOrder("RUNNING", "RUNNING", "QUEUED");
    } finally {
      runs.forEach(id -> as(hog).delete("/api/v1/agents/" + id));
    }

    // Cancelled runs give their room back.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                as(hog)
                    .body("{\"prompt\":\"p\",\"model_name\":\"nokey:m\"}")
                    .post("/api/v1/agents")
                    .then()
                    .statusCode(202));
  }

  @Test
  void timeoutAndConcurrencyAboveTheirCapsAreRefusedNamingTheField() {
    String user = newUser();
    as(user)
        .body("{\"prompt\":\"p\",\"timeout_ms\":60001}")
        .post("/api/v1/agents")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("timeout_ms"));
    as(user)
        .body("{\"agents\":[{\"prompt\":\"p\"}],\"max_concurrency\":3}")
        .post("/api/v1/agents/spawn-all")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("max_concurrency"));
    as(user)
        .body("{\"agents\":[{\"prompt\":\"p\"}],\"timeout_ms\":999999999}")
        .post("/api/v1/agents/spawn-all")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("timeout_ms"));
  }
}
