package dev.zoclone.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.contract.pool.LeasedJob;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Agent jobs against a scripted gateway: what is asked, and how each answer ends the job. */
class AgentJobRunnerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScriptedGateway gateway;
  private JobRunners runners;

  @BeforeEach
  void start() throws Exception {
    gateway = ScriptedGateway.start();
    runners =
        JobRunners.local().withAgents(GatewayAccess.withToken(URI.create(gateway.url()), "t0k"));
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void thePromptIsAskedAsTheNodesOwnerAndTheAnswerIsTheResult() throws Exception {
    gateway.answerJson(
        "POST",
        "/api/v1/ask",
        200,
        "{\"output\":\"42\",\"conversation_id\":\"c1\",\"model_name\":\"lab:llama\","
            + "\"usage\":{\"input_tokens\":3,\"output_tokens\":1},\"tool_calls\":[]}");

    JobOutcome outcome =
        run("{\"prompt\":\"answer?\",\"model_name\":\"lab:llama\",\"conversation_id\":\"c1\"}");

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.result())
        .isEqualTo(
            JSON.readTree(
                "{\"output\":\"42\",\"conversation_id\":\"c1\",\"model_name\":\"lab:llama\","
                    + "\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}"));
    assertThat(JSON.readTree(gateway.onlyRequest().body()))
        .isEqualTo(
            JSON.readTree(
                "{\"input\":\"answer?\",\"model_name\":\"lab:llama\",\"conversation_id\":\"c1\"}"));
    assertThat(gateway.onlyRequest().authorization()).isEqualTo("Bearer t0k");
  }

  @Test
  void aRefusedAskFailsForGoodButARateLimitOrServerErrorIsRetried() throws Exception {
    gateway.answerProblem(
        "POST",
        "/api/v1/ask",
        400,
        "{\"type\":\"https://zoclone.dev/problems/no-key\",\"status\":400,"
            + "\"detail\":\"You have no key named 'x'\"}");
    JobOutcome refused = run("{\"prompt\":\"hi\",\"model_name\":\"x:y\"}");
    gateway.answerProblem("POST", "/api/v1/ask", 429, "{\"status\":429,\"detail\":\"slow\"}");
    JobOutcome limited = run("{\"prompt\":\"hi\"}");
    gateway.answerProblem("POST", "/api/v1/ask", 502, "{\"status\":502,\"detail\":\"down\"}");
    JobOutcome broken = run("{\"prompt\":\"hi\"}");

    assertThat(refused.succeeded()).isFalse();
    assertThat(refused.retryable()).isFalse();
    assertThat(refused.error()).isEqualTo("the ask failed: HTTP 400: You have no key named 'x'");
    assertThat(limited.retryable()).isTrue();
    assertThat(broken.retryable()).isTrue();
    assertThat(broken.error()).isEqualTo("the ask failed: HTTP 502: down");
  }

  @Test
  void anUnreachableGatewayIsRetriedAndAMissingPromptIsNot() throws Exception {
    JobRunners nowhere =
        JobRunners.local()
            .withAgents(GatewayAccess.withToken(URI.create("http://127.0.0.1:9"), "t"));
    LeasedJob job = job("{\"prompt\":\"hi\"}");

    JobOutcome unreachable = nowhere.run(job, new RunningJob(job));
    JobOutcome noPrompt = run("{\"model_name\":\"lab:llama\"}");

    assertThat(unreachable.succeeded()).isFalse();
    assertThat(unreachable.retryable()).isTrue();
    assertThat(noPrompt.retryable()).isFalse();
    assertThat(noPrompt.error()).isEqualTo("payload.prompt is required");
    assertThat(gateway.requests()).isEmpty();
  }

  private JobOutcome run(String payload) throws Exception {
    LeasedJob job = job(payload);
    return runners.run(job, new RunningJob(job));
  }

  private static LeasedJob job(String payload) throws Exception {
    return new LeasedJob("j-" + System.nanoTime(), "agent", JSON.readTree(payload), 0, 1, 1L, 30);
  }
}
