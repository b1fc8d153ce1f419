package dev.zoclone.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Runs an {@code http} job: one request; the response's status, headers and body (capped) are the
 * result. A 5xx or 429 is a retryable failure, another 4xx a final one.
 */
final class HttpJobRunner {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  private HttpJobRunner() {}

  static JobOutcome run(JsonNode payload, Integer timeoutS) throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(payload.path("url").asText()))
            .timeout(Duration.ofSeconds(timeoutS == null ? 300 : timeoutS));
    payload
        .path("headers")
        .fields()
        .forEachRemaining(h -> request.header(h.getKey(), h.getValue().asText()));
    String body = payload.path("body").asText("");
    request.method(
        payload.path("method").asText("GET"),
        body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    HttpResponse<InputStream> response;
    String text;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        text = CappedText.read(in);
      }
    } catch (IOException e) {
      return JobOutcome.failure("request failed: " + e, true, null);
    }
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.put("status", response.statusCode());
    ObjectNode headers = result.putObject("headers");
    response
        .headers()
        .map()
        .forEach((name, values) -> headers.put(name, String.join(", ", values)));
    result.put("body", text);
    int status = response.statusCode();
    if (status >= 400) {
      return JobOutcome.failure("HTTP " + status, status >= 500 || status == 429, result);
    }
    return JobOutcome.success(result);
  }
}
