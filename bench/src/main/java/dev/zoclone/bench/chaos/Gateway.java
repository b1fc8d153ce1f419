package dev.zoclone.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The chaos run's client of the gateway: JSON calls as one user, each bounded by a timeout as a
 * real client's would be, an error status turned into a {@link ClientException}.
 */
final class Gateway {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String base;
  private final String token;

  Gateway(String base, String token) {
    this.base = base;
    this.token = token;
  }

  JsonNode call(String method, String path, String body) throws Exception {
    return call(method, path, body, null);
  }

  /** A call with an {@code Idempotency-Key} header when {@code key} is not null. */
  JsonNode call(String method, String path, String body, String key) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      String type = "";
      try {
        type = " " + JSON.readTree(response.body()).path("type").asText().replaceAll(".*/", "");
      } catch (Exception notJson) {
        type = " (not problem+json)";
      }
      throw new ClientException(response.statusCode() + type, response.body());
    }
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }
}
