package dev.zoclone.bench.memory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The memory service's embedding meters as its {@code /q/metrics} shows them: the texts its model
 * embedded ({@code zo.memory.embedding.batch}) and the time the model took for them ({@code
 * zo.memory.embedding}), so a benchmark can tell the model's own throughput inside the running
 * service from the end-to-end rate.
 */
final class EmbeddingMeter {
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI metrics;

  EmbeddingMeter(String memoryUrl) {
    this.metrics = URI.create(memoryUrl + "/q/metrics");
  }

  /** The texts embedded and the seconds of inference so far. */
  Reading read() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("memory's /q/metrics answered " + response.statusCode());
    }
    return new Reading(
        sum(response.body(), "zo_memory_embedding_batch_sum"),
        sum(response.body(), "zo_memory_embedding_seconds_sum"));
  }

  private static double sum(String exposition, String name) {
    double total = 0;
    boolean found = false;
    for (String line : exposition.split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        found = true;
      }
    }
    if (!found) {
      throw new IllegalStateException("memory's /q/metrics has no " + name);
    }
    return total;
  }

  /** Texts embedded and seconds of model inference, cumulative. */
  record Reading(double texts, double seconds) {
    /** Texts per second of inference between {@code earlier} and this reading. */
    double rateSince(Reading earlier) {
      return (texts - earlier.texts) / (seconds - earlier.seconds);
    }
  }
}
