package dev.zoclone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.worker.GatewayAccess;
import dev.zoclone.worker.GatewayPoolApi;
import dev.zoclone.worker.JobRunners;
import dev.zoclone.worker.PoolWorker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway, agents, memory and pool as processes, a fake OpenAI server, and a {@code zo
 * node} worker (libs/worker, in this JVM) holding a user's token: the user's {@code agent} jobs are
 * asked through the gateway as that user, and a refused ask fails the job for good while a failed
 * one is tried again.
 */
class PoolAgentJobsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FINISHED = Set.of("SUCCEEDED", "FAILED", "DEAD", "CANCELLED");

  static FakeOpenAiServer model;
  static LocalPlatform platform;
  static String token;
  static PoolWorker worker;
  static Thread workerThread;
  static final StringWriter log = new StringWriter();

  @BeforeAll
  static void start() throws Exception {
    model = new FakeOpenAiServer();
    platform = LocalPlatform.start("agents", "memory", "pool");
    token = platform.newUserToken("e2e-pool-" + UUID.randomUUID().toString().substring(0, 8));
    platform.putKey(token, "openai", model.baseUrl(), "gpt-4o-mini");

    GatewayAccess access = GatewayAccess.withToken(URI.create(platform.gatewayUrl()), token);
    worker =
        new PoolWorker(
            GatewayPoolApi.of(access),
            "e2e-node",
            Map.of(),
            2,
            JobRunners.local().withAgents(access),
            new PrintWriter(log, true));
    workerThread =
        new Thread(
            () -> {
              try {
                worker.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "e2e-node");
    workerThread.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> worker.nodeId() != null);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (worker != null) {
      worker.shutdown(Duration.ofSeconds(5));
      workerThread.join(10_000);
    }
    if (platform != null) {
      platform.close();
    }
    if (model != null) {
      model.close();
    }
  }

  @Test
  void anAgentJobIsAskedThroughTheGatewayAndItsAnswerIsTheResult() throws Exception {
    model.enqueue(Reply.text("Paris is the capital of France.").usage(12, 7));

    String id =
        submit(
            "{\"kind\":\"agent\",\"payload\":{\"prompt\":\"What is the capital of France?\","
                + "\"model_name\":\"openai:gpt-4o-mini\"}}");
    JsonNode job = awaitFinished(id);

    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    JsonNode result = job.path("result");
    assertThat(result.path("output").asText()).isEqualTo("Paris is the capital of France.");
    assertThat(result.path("model_name").asText()).isEqualTo("openai:gpt-4o-mini");
    assertThat(result.path("usage").path("input_tokens").asInt()).isEqualTo(12);
    assertThat(result.path("usage").path("output_tokens").asInt()).isEqualTo(7);
    String conversation = result.path("conversation_id").asText();
    assertThat(conversation).isNotBlank();
    assertThat(model.lastRequest().json().toString()).contains("What is the capital of France?");

    // the conversation the job started is the user's own: the next job continues it
    model.enqueue(Reply.text("About two million people."));
    String next =
        submit(
            "{\"kind\":\"agent\",\"payload\":{\"prompt\":\"How many people live there?\","
                + "\"model_name\":\"openai:gpt-4o-mini\",\"conversation_id\":\""
                + conversation
                + "\"}}");
    JsonNode followUp = awaitFinished(next);
    assertThat(followUp.path("status").asText()).as(followUp.toString()).isEqualTo("SUCCEEDED");
    assertThat(followUp.at("/result/conversation_id").asText()).isEqualTo(conversation);
    assertThat(model.lastRequest().json().toString())
        .contains("What is the capital of France?")
        .contains("Paris is the capital of France.")
        .contains("How many people live there?");
  }

  @Test
  void anAskTheGatewayRefusesFailsTheJobWithoutAnotherAttempt() throws Exception {
    String id =
        submit(
            "{\"kind\":\"agent\",\"max_attempts\":3,\"payload\":{\"prompt\":\"hi\","
                + "\"model_name\":\"nokey:gpt-4o-mini\"}}");
    JsonNode job = awaitFinished(id);

    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("FAILED");
    assertThat(job.path("attempts").asInt()).isEqualTo(1);
    assertThat(job.path("error").asText())
        .startsWith("the ask failed: HTTP 400")
        .contains("You have no key named 'nokey'");
  }

  @Test
  void anAskThatFailsOnTheServerIsTriedAgain() throws Exception {
    // the provider refuses the first call (agents answers 502), then answers
    model.enqueue(Reply.error(401, "Incorrect API key provided"), Reply.text("second time lucky"));

    String id =
        submit(
            "{\"kind\":\"agent\",\"max_attempts\":2,\"payload\":{\"prompt\":\"hi again\","
                + "\"model_name\":\"openai:gpt-4o-mini\"}}");
    JsonNode job = awaitFinished(id);

    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.path("attempts").asInt()).isEqualTo(2);
    assertThat(job.at("/result/output").asText()).isEqualTo("second time lucky");
  }

  private static String submit(String body) throws Exception {
    HttpResponse<String> response = call("POST", "/api/v1/jobs", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).path("id").asText();
  }

  private static JsonNode awaitFinished(String id) {
    return await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> JSON.readTree(call("GET", "/api/v1/jobs/" + id, null).body()),
            job -> FINISHED.contains(job.path("status").asText()));
  }

  private static HttpResponse<String> call(String method, String path, String body)
      throws Exception {
    return platform.call(token, method, path, body);
  }
}
