package dev.zoclone.testing.fakemodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** Calls a fake model server the way a client would, over real HTTP with the JDK's client. */
final class ModelHttp {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One line of a streamed body and when it arrived, in nanoseconds of {@link System#nanoTime}. */
  record TimedLine(String text, long arrivedAtNanos) {}

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  ModelHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  HttpResponse<String> post(String path, String json, String... headers) {
    return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  /** Posts without waiting; cancelling the future makes the client close its connection. */
  CompletableFuture<HttpResponse<String>> postAsync(String path, String json) {
    return client.sendAsync(
        request(path).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts, reads the first line of the answer, then stops reading and closes the body. */
  String postAndCloseAfterFirstLine(String path, String json) {
    HttpRequest request = request(path).POST(HttpRequest.BodyPublishers.ofString(json)).build();
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (BufferedReader body =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        return body.readLine();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Posts and reads the answer line by line, noting when each line arrived. */
  List<TimedLine> postAndTimeLines(String path, String json) {
    HttpRequest request = request(path).POST(HttpRequest.BodyPublishers.ofString(json)).build();
    try {
      HttpResponse<Stream<String>> response =
          client.send(request, HttpResponse.BodyHandlers.ofLines());
      try (Stream<String> lines = response.body()) {
        return lines.map(line -> new TimedLine(line, System.nanoTime())).toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON after {@code data: } on each data line, skipping OpenAI's {@code [DONE]}. */
  static List<JsonNode> dataOf(List<TimedLine> lines) {
    return lines.stream()
        .map(TimedLine::text)
        .filter(line -> line.startsWith("data: ") && !line.equals("data: [DONE]"))
        .map(line -> json(line.substring("data: ".length())))
        .toList();
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json");
    return headers.length == 0 ? builder : builder.headers(headers);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
