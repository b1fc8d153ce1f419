package dev.zoclone.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zoclone.contract.pool.LeasedJob;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Runs an {@code agent} job ({@code {prompt, model_name?, conversation_id?}}): one {@code POST
 * /api/v1/ask} through the gateway as the node's owner; the result is {@code {output,
 * conversation_id, model_name, usage}}. A refusal of the request (4xx other than 408 and 429) fails
 * the job for good; an unreachable gateway, a 5xx, 408 or 429 is worth another attempt.
 */
final class AgentJobRunner implements JobRunner {
  /** How long an ask may take when the job sets no timeout. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private final GatewayAccess gateway;
  private final HttpClient http;

  AgentJobRunner(GatewayAccess gateway) {
    this.gateway = gateway;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public JobOutcome run(LeasedJob job, RunningJob running) throws InterruptedException {
    JsonNode payload = job.payload();
    String prompt = payload.path("prompt").asText("");
    if (prompt.isBlank()) {
      return JobOutcome.failure("payload.prompt is required", false, null);
    }
    ObjectNode ask = JsonNodeFactory.instance.objectNode();
    ask.put("input", prompt);
    copyText(payload, "model_name", ask);
    copyText(payload, "conversation_id", ask);
    HttpRequest request =
        gateway
            .request("/api/v1/ask")
            .timeout(job.timeoutS() == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(job.timeoutS()))
            .header("Accept", "application/json, application/problem+json")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(ask.toString(), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      return JobOutcome.failure("cannot ask through the gateway: " + e, true, null);
    }
    int status = response.statusCode();
    JsonNode body = WorkerJson.tree(response.body());
    if (status >= 400) {
      boolean retryable = status >= 500 || status == 408 || status == 429;
      String detail = body == null ? "" : body.path("detail").asText(body.path("title").asText(""));
      return JobOutcome.failure(
          "the ask failed: HTTP " + status + (detail.isEmpty() ? "" : ": " + detail),
          retryable,
          body);
    }
    if (body == null || !body.isObject()) {
      return JobOutcome.failure("the gateway answered the ask with no JSON object", true, null);
    }
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    for (String field : new String[] {"output", "conversation_id", "model_name", "usage"}) {
      result.set(field, body.hasNonNull(field) ? body.get(field) : result.nullNode());
    }
    return JobOutcome.success(result);
  }

  private static void copyText(JsonNode payload, String field, ObjectNode ask) {
    if (payload.hasNonNull(field) && !payload.get(field).asText().isBlank()) {
      ask.put(field, payload.get(field).asText());
    }
  }
}
